package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Start and goal positions: free points (clearance {@link ScenarioGenerator#POSE_CLEARANCE} on the
 * grid, clear of movable objects too), usually in another room than the other end, the farthest
 * of a few draws so that episodes are long without being all the same.
 */
final class Poses {
    static final double OTHER_ROOM_PROBABILITY = 0.85;
    static final int DRAWS = 5;
    private static final int TRIES = 80;
    /** Movable objects are not in the clearance grid; keep the footprint plus this from them. */
    private static final double MOVABLE_GAP = 0.3;
    private final WorldMap world;
    private final ClearanceGrid grid;
    private final SplittableRandom rng;
    private final List<Room> rooms;

    Poses(WorldMap world, ClearanceGrid grid, SplittableRandom rng) {
        this.world = world;
        this.grid = grid;
        this.rng = rng;
        this.rooms = world.rooms();
    }

    /** A heading in degrees, (-180, 180], one decimal. */
    double yawDeg() {
        return Num.deg(180 - rng.nextDouble(0, 360));
    }

    Vec2 any(Predicate<Vec2> ok) {
        for (int t = 0; t < TRIES; t++) {
            Vec2 p = sample(rooms.get(rng.nextInt(rooms.size())));
            if (p != null && ok.test(p)) return p;
        }
        throw new Rejected("no free start");
    }

    /** The draw farthest (straight line) from {@code from}, preferring rooms other than {@code avoid}. */
    Vec2 far(Vec2 from, Room avoid, Predicate<Vec2> ok) {
        return best(avoid, p -> ok.test(p) ? p.distanceTo(from) : Double.NaN);
    }

    /** The draw farthest along the grid from the start, among points in the start's component. */
    Vec2 farthestReachable(Room avoid, Reach reach, Predicate<Vec2> ok) {
        return best(avoid, p -> {
            double d = reach.at(p);
            return ok.test(p) && Double.isFinite(d) ? d : Double.NaN;
        });
    }

    private Vec2 best(Room avoid, java.util.function.ToDoubleFunction<Vec2> score) {
        Vec2 best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int found = 0;
        for (int t = 0; t < TRIES && found < DRAWS; t++) {
            Room r = rooms.get(rng.nextInt(rooms.size()));
            if (rooms.size() > 1 && r == avoid && rng.nextDouble() < OTHER_ROOM_PROBABILITY) continue;
            Vec2 p = sample(r);
            if (p == null) continue;
            double s = score.applyAsDouble(p);
            if (Double.isNaN(s)) continue;
            found++;
            if (s > bestScore) { best = p; bestScore = s; }
        }
        if (best == null) throw new Rejected("no free point for a start or goal");
        return best;
    }

    /** A uniformly drawn free point of the room, or null when the draw hit something. */
    private Vec2 sample(Room r) {
        double m = Layout.WALL_THICKNESS / 2 + ScenarioGenerator.POSE_CLEARANCE;
        if (r.max().x() - r.min().x() <= 2 * m || r.max().y() - r.min().y() <= 2 * m) return null;
        Vec2 p = new Vec2(Num.len(rng.nextDouble(r.min().x() + m, r.max().x() - m)), Num.len(rng.nextDouble(r.min().y() + m, r.max().y() - m)));
        if (grid.clearanceAt(p) < ScenarioGenerator.POSE_CLEARANCE) return null;
        for (WorldObject o : world.movableObjects()) {
            if (o.distanceTo(p) < ScenarioGenerator.POSE_CLEARANCE + MOVABLE_GAP) return null;
        }
        return p;
    }
}
