package dev.umwelt.sim.lidar;

import dev.umwelt.scenarios.geometry.Vec2;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;

/**
 * The static geometry the lidar sees, in doubles, as flat primitive arrays: segments (the four
 * edges of every wall footprint and static box) and circles (static round objects). Movable
 * objects are not here; JBox2D casts against them.
 */
public final class StaticGeometry {
    final int segmentCount;
    final double[] ax, ay, ex, ey; // segment i runs from (ax, ay) to (ax + ex, ay + ey)
    final int circleCount;
    final double[] cx, cy, cr;

    private StaticGeometry(int segments, int circles) {
        segmentCount = segments;
        ax = new double[segments]; ay = new double[segments];
        ex = new double[segments]; ey = new double[segments];
        circleCount = circles;
        cx = new double[circles]; cy = new double[circles]; cr = new double[circles];
    }

    public static StaticGeometry of(WorldMap world) {
        List<WorldObject> statics = world.staticObjects();
        int boxes = 0, rounds = 0;
        for (WorldObject o : statics) {
            if (o.shape().isRound()) rounds++; else boxes++;
        }
        StaticGeometry g = new StaticGeometry(4 * (world.walls().size() + boxes), rounds);
        int s = 0, c = 0;
        for (Wall w : world.walls()) s = g.addPolygon(s, w.corners());
        for (WorldObject o : statics) {
            if (o.shape().isRound()) {
                g.cx[c] = o.pose().x(); g.cy[c] = o.pose().y(); g.cr[c] = o.sizeX() / 2; c++;
            } else {
                s = g.addPolygon(s, o.boxCorners());
            }
        }
        return g;
    }

    private int addPolygon(int s, List<Vec2> corners) {
        for (int k = 0; k < corners.size(); k++) {
            Vec2 a = corners.get(k), b = corners.get((k + 1) % corners.size());
            ax[s] = a.x(); ay[s] = a.y(); ex[s] = b.x() - a.x(); ey[s] = b.y() - a.y();
            s++;
        }
        return s;
    }

    public int segments() {
        return segmentCount;
    }

    public int circles() {
        return circleCount;
    }

    /**
     * Distance along the unit ray (ox, oy) + t (dx, dy) to segment i, or +Inf. Parallel rays
     * miss: grazing along an edge hits the perpendicular edges of the same footprint instead.
     */
    double raySegment(int i, double ox, double oy, double dx, double dy) {
        double sx = ax[i] - ox, sy = ay[i] - oy;
        double denom = dx * ey[i] - dy * ex[i];
        double un = sx * dy - sy * dx; // u * denom: where along the segment the ray crosses
        // Test u in [0, 1] without dividing; only crossing candidates pay for the division.
        if (denom > 0) {
            if (un < 0 || un > denom) return Double.POSITIVE_INFINITY;
        } else if (denom < 0) {
            if (un > 0 || un < denom) return Double.POSITIVE_INFINITY;
        } else {
            return Double.POSITIVE_INFINITY;
        }
        double t = (sx * ey[i] - sy * ex[i]) / denom;
        return t >= 0 ? t : Double.POSITIVE_INFINITY;
    }

    /** Distance along the unit ray to circle i (its far side when the origin is inside), or +Inf. */
    double rayCircle(int i, double ox, double oy, double dx, double dy) {
        double px = cx[i] - ox, py = cy[i] - oy;
        double b = px * dx + py * dy;
        double c = px * px + py * py - cr[i] * cr[i];
        double disc = b * b - c;
        if (disc < 0) return Double.POSITIVE_INFINITY;
        double root = Math.sqrt(disc);
        double t = c > 0 ? b - root : b + root;
        return t >= 0 ? t : Double.POSITIVE_INFINITY;
    }
}
