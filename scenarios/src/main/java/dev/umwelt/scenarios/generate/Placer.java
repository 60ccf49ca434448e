package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Where an object may stand: inside its room, at least {@link #GAP} from every wall and object,
 * and outside the clear zone around each door (a disc of {@link #DOOR_CLEAR} around the door
 * centre covers 0.7 m discs on both sides of the opening), so nothing blocks a doorway.
 */
final class Placer {
    static final double GAP = 0.05;
    static final double DOOR_CLEAR = 1.2;
    private static final int TRIES = 25;
    private final List<Wall> walls;
    private final List<Door> doors;
    private final SplittableRandom rng;
    private final List<Item> items = new ArrayList<>();
    private final List<WorldObject> objects = new ArrayList<>();

    Placer(Layout layout, SplittableRandom rng) {
        // Uncut walls: checking against the door gaps too is conservative, and doors are kept clear anyway.
        this.walls = layout.uncutWalls();
        this.doors = layout.doors();
        this.rng = rng;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    /** Places {@code item} (its position and yaw ignored) in {@code room}; empty when no spot was found. */
    Optional<Item> place(Item item, Room room, boolean againstWall) {
        for (int t = 0; t < TRIES; t++) {
            Item c = againstWall ? againstWall(item, room) : anywhere(item, room);
            if (c != null && fits(c.object())) {
                items.add(c);
                objects.add(c.object());
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Long side along a random wall of the room, a few centimetres off it. */
    private Item againstWall(Item item, Room room) {
        int side = rng.nextInt(4);
        boolean alongX = side < 2;
        double half = Layout.WALL_THICKNESS / 2, off = GAP + rng.nextDouble(0, 0.1);
        double depth = item.shape().isRound() ? item.sizeX() / 2 : item.sizeY() / 2;
        double length = item.sizeX() / 2;
        double lo = (alongX ? room.min().x() : room.min().y()) + half + GAP + length;
        double hi = (alongX ? room.max().x() : room.max().y()) - half - GAP - length;
        if (hi <= lo) return null;
        double along = rng.nextDouble(lo, hi);
        double across = switch (side) {
            case 0 -> room.min().y() + half + off + depth;
            case 1 -> room.max().y() - half - off - depth;
            case 2 -> room.min().x() + half + off + depth;
            default -> room.max().x() - half - off - depth;
        };
        double yaw = item.shape().isRound() ? 0 : alongX ? 0 : 90;
        return alongX ? moved(item, along, across, yaw) : moved(item, across, along, yaw);
    }

    private Item anywhere(Item item, Room room) {
        double r = item.object().boundingRadius() + Layout.WALL_THICKNESS / 2 + GAP + 0.3;
        double x0 = room.min().x() + r, x1 = room.max().x() - r, y0 = room.min().y() + r, y1 = room.max().y() - r;
        if (x1 <= x0 || y1 <= y0) return null;
        double yaw = item.shape().isRound() ? 0 : 15 * rng.nextInt(12);
        return moved(item, rng.nextDouble(x0, x1), rng.nextDouble(y0, y1), yaw);
    }

    private static Item moved(Item i, double x, double y, double yawDeg) {
        return new Item(i.id(), i.label(), i.shape(), i.colour(), x, y, yawDeg, i.sizeX(), i.sizeY(), i.height(),
                i.movable(), i.mass(), i.role());
    }

    private boolean fits(WorldObject o) {
        for (Door d : doors) if (o.distanceTo(d.center()) < DOOR_CLEAR) return false;
        for (Wall w : walls) if (Footprints.gap(o, w) < GAP) return false;
        for (WorldObject other : objects) if (Footprints.gap(o, other) < GAP) return false;
        return true;
    }
}
