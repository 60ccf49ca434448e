package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.Optional;

/** Solvability and visibility tests on a generated world. */
final class Checks {
    /** ObjectNav is solvable when a free cell of the start's component is this close to the target's surface. */
    static final double TARGET_REACH = 0.8;

    private Checks() {}

    /** Door widths against the robot: the inflated disc (footprint + margin) must pass. */
    static void doors(WorldMap world, double inflationRadius) {
        for (Door d : world.doors()) {
            if (d.width() < 2 * inflationRadius) throw new Rejected("door at " + d.center() + " narrower than " + 2 * inflationRadius);
        }
    }

    /** The reachable cell nearest (by octile distance) to the start within {@code within} of the target's surface. */
    static Optional<Vec2> nearestCellNear(Reach reach, WorldObject target, double within) {
        ClearanceGrid g = reach.grid();
        double r = target.boundingRadius() + within + g.resolution();
        int x0 = g.cellX(target.pose().x() - r), x1 = g.cellX(target.pose().x() + r);
        int y0 = g.cellY(target.pose().y() - r), y1 = g.cellY(target.pose().y() + r);
        Vec2 best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int iy = y0; iy <= y1; iy++) {
            for (int ix = x0; ix <= x1; ix++) {
                double d = reach.cell(ix, iy);
                if (d < bestDist) {
                    Vec2 c = g.cellCenter(ix, iy);
                    if (target.distanceTo(c) <= within) { best = c; bestDist = d; }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether the camera at the start cannot see the target's centre: outside the horizontal field
     * of view, or the sight line crosses a wall or another static object.
     */
    static boolean outOfView(Pose2D start, WorldObject target, WorldMap world, double horizontalFov) {
        Vec2 s = new Vec2(start.x(), start.y()), t = target.position();
        double bearing = Angles.normalize(Math.atan2(t.y() - s.y(), t.x() - s.x()) - start.yaw());
        if (Math.abs(bearing) > horizontalFov / 2) return true;
        return !clearSight(s, t, target, world);
    }

    /** Samples the segment every 2 cm: walls are 10 cm thick and objects larger still, so none is skipped. */
    static boolean clearSight(Vec2 a, Vec2 b, WorldObject target, WorldMap world) {
        double len = a.distanceTo(b);
        int n = Math.max(1, (int) Math.ceil(len / 0.02));
        for (int i = 0; i <= n; i++) {
            Vec2 p = a.plus(b.minus(a).times((double) i / n));
            if (target.distanceTo(p) == 0) return true;
            for (Wall w : world.walls()) if (w.distanceTo(p) == 0) return false;
            for (WorldObject o : world.staticObjects()) if (o != target && o.distanceTo(p) == 0) return false;
        }
        return true;
    }
}
