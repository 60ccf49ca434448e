package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.Bound;

import java.util.List;

/**
 * Ranges of a world's geometry ({@code Wall}, {@code Door}, {@code Room}, {@code WorldObject}),
 * plus the limits on list lengths and on the area the walls and objects span.
 */
public final class WorldBounds {
    private WorldBounds() {}

    /** Every coordinate of the map frame lies within +-LIMIT metres. */
    static final double LIMIT = 1000;
    static final String COORDINATE_WHY = "map frame; JBox2D floats keep 0.1 mm at 1 km";
    /**
     * The walls' and objects' bounding box holds at most this many square metres (200 x 200 m):
     * the clearance grid of the metrics (0.05 m cells) then has 16 M cells.
     */
    static final double MAX_AREA = 40_000;
    static final int MAX_WALLS = 10_000, MAX_DOORS = 1_000, MAX_ROOMS = 1_000, MAX_OBJECTS = 10_000;

    static final Bound WALL_FROM = coordinate("world.walls[].from[]");
    static final Bound WALL_TO = coordinate("world.walls[].to[]");
    static final Bound RECT_MIN = coordinate("world.walls[].rect.min[]");
    static final Bound RECT_MAX = coordinate("world.walls[].rect.max[]");
    static final Bound WALL_THICKNESS = Bound.of("world.walls[].thickness", 0.001, 10, "m", "a sheet to a bunker wall");
    static final Bound WALL_HEIGHT = Bound.of("world.walls[].height", 0.01, 100, "m", "a kerb to a hangar");
    static final Bound DOOR_AT = coordinate("world.doors[].at[]");
    static final Bound DOOR_WIDTH = Bound.of("world.doors[].width", 0.05, 100, "m",
            "narrower than 5 cm is no opening for any robot (footprint >= 1 cm)");
    static final Bound ROOM_MIN = coordinate("world.rooms[].min[]");
    static final Bound ROOM_MAX = coordinate("world.rooms[].max[]");
    static final Bound OBJECT_AT = coordinate("world.objects[].at[]");
    static final Bound OBJECT_YAW = Bound.of("world.objects[].yaw", -360, 360, "degrees", "one turn either way");
    static final Bound OBJECT_SIZE = Bound.of("world.objects[].size[]", 0.01, 100, "m", "a cup to a building");
    static final Bound OBJECT_MASS = Bound.of("world.objects[].mass", 0.001, 50_000, "kg", "a gram to a truck");

    public static final List<Bound> ALL = List.of(WALL_FROM, WALL_TO, RECT_MIN, RECT_MAX, WALL_THICKNESS, WALL_HEIGHT,
            DOOR_AT, DOOR_WIDTH, ROOM_MIN, ROOM_MAX, OBJECT_AT, OBJECT_YAW, OBJECT_SIZE, OBJECT_MASS);

    static Bound coordinate(String field) {
        return Bound.of(field, -LIMIT, LIMIT, "m", COORDINATE_WHY);
    }
}
