package dev.umwelt.scenarios.load;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Wall;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts door openings out of walls. A door cuts every wall whose centre line passes within
 * thickness/2 of the door's centre: the wall is split into up to two pieces leaving a gap of the
 * door's width centred on the door's projection onto the wall. Public so that generated worlds
 * cut doors exactly as hand-written ones do.
 */
public final class DoorCutter {
    /** Pieces shorter than this are dropped: a sliver of wall is not an obstacle worth modelling. */
    static final double MIN_PIECE = 1e-6;
    private static final double ON_WALL_TOLERANCE = 1e-9;

    private DoorCutter() {}

    /** Whether {@code door} lies on {@code wall}'s centre line (within half its thickness). */
    public static boolean liesOn(Door door, Wall wall) {
        return door.center().distanceToSegment(wall.from(), wall.to()) <= wall.thickness() / 2 + ON_WALL_TOLERANCE;
    }

    /** {@code walls} with {@code door} cut out of each wall it lies on; order is preserved. */
    public static List<Wall> cut(List<Wall> walls, Door door) {
        List<Wall> out = new ArrayList<>(walls.size() + 1);
        for (Wall w : walls) {
            if (liesOn(door, w)) out.addAll(cut(w, door)); else out.add(w);
        }
        return out;
    }

    /** The pieces of one wall left after cutting {@code door} out of it (zero, one or two). */
    public static List<Wall> cut(Wall wall, Door door) {
        double len = wall.length();
        if (len == 0) return List.of();
        Vec2 dir = wall.to().minus(wall.from()).times(1 / len);
        double t = door.center().minus(wall.from()).dot(dir);
        double gapStart = t - door.width() / 2;
        double gapEnd = t + door.width() / 2;
        List<Wall> pieces = new ArrayList<>(2);
        if (gapStart > MIN_PIECE) {
            pieces.add(new Wall(wall.from(), wall.from().plus(dir.times(Math.min(gapStart, len))), wall.thickness(), wall.height()));
        }
        if (len - gapEnd > MIN_PIECE) {
            pieces.add(new Wall(wall.from().plus(dir.times(Math.max(gapEnd, 0))), wall.to(), wall.thickness(), wall.height()));
        }
        return pieces;
    }
}
