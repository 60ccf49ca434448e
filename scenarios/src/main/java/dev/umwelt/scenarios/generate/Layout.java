package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.load.DoorCutter;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.Wall;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a generated world: an outer rectangle, interior walls (before doors are
 * cut), doors and named rooms. Coordinates are already rounded (see {@link Num}).
 */
record Layout(Kind kind, Vec2 min, Vec2 max, List<Wall> interior, List<Door> doors, List<Room> rooms) {
    static final double WALL_THICKNESS = 0.1;
    static final double WALL_HEIGHT = 1.0;

    enum Kind { APARTMENT, OFFICE }

    Layout {
        interior = List.copyOf(interior);
        doors = List.copyOf(doors);
        rooms = List.copyOf(rooms);
    }

    /** Walls in the loader's order: the outer rect's four sides, then the interior walls. */
    List<Wall> uncutWalls() {
        Vec2 b = new Vec2(max.x(), min.y()), d = new Vec2(min.x(), max.y());
        List<Wall> all = new ArrayList<>(List.of(wall(min, b), wall(b, max), wall(max, d), wall(d, min)));
        all.addAll(interior);
        return all;
    }

    /** Walls with every door cut out, exactly as the loader cuts them (same order, same cutter). */
    List<Wall> cutWalls() {
        List<Wall> walls = uncutWalls();
        for (Door door : doors) walls = DoorCutter.cut(walls, door);
        return walls;
    }

    static Wall wall(Vec2 from, Vec2 to) {
        return new Wall(from, to, WALL_THICKNESS, WALL_HEIGHT);
    }
}
