package dev.umwelt.sim.lidar;

import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;

/**
 * The static geometry the lidar sees, in doubles, as flat primitive arrays: oriented boxes
 * (every wall footprint and static box, the same rectangles the physics collides with) and
 * circles (static round objects). Movable objects are not here; JBox2D casts against them.
 *
 * <p>One box per rectangle rather than its four edges: a beam tests one primitive (six doubles
 * in one array, usually one cache line) where it tested two to four segments.
 */
public final class StaticGeometry {
    /** Box i is {@code box[BOX * i ..]}: centre (x, y), unit length axis u (x, y), half-length along u, half-width across it. */
    static final int BOX = 6;
    /** Circle i is {@code circle[CIRCLE * i ..]}: centre (x, y), radius. */
    static final int CIRCLE = 3;

    final int boxCount;
    final double[] box;
    final int circleCount;
    final double[] circle;

    private StaticGeometry(int boxes, int circles) {
        boxCount = boxes;
        box = new double[BOX * boxes];
        circleCount = circles;
        circle = new double[CIRCLE * circles];
    }

    public static StaticGeometry of(WorldMap world) {
        List<WorldObject> statics = world.staticObjects();
        int boxes = 0, rounds = 0;
        for (WorldObject o : statics) {
            if (o.shape().isRound()) rounds++; else boxes++;
        }
        StaticGeometry g = new StaticGeometry(world.walls().size() + boxes, rounds);
        int b = 0, c = 0;
        for (Wall w : world.walls()) {
            // The footprint of Wall.corners(): the segment from-to, thickness / 2 to either side
            // (a zero-length wall is thickness thick along y, as in corners()).
            double ex = w.to().x() - w.from().x(), ey = w.to().y() - w.from().y(), len = Math.hypot(ex, ey);
            double ux = len == 0 ? 1 : ex / len, uy = len == 0 ? 0 : ey / len;
            g.setBox(b++, (w.from().x() + w.to().x()) / 2, (w.from().y() + w.to().y()) / 2, ux, uy, len / 2,
                    w.thickness() / 2);
        }
        for (WorldObject o : statics) {
            if (o.shape().isRound()) {
                g.circle[CIRCLE * c] = o.pose().x(); g.circle[CIRCLE * c + 1] = o.pose().y();
                g.circle[CIRCLE * c + 2] = o.sizeX() / 2;
                c++;
            } else {
                // As WorldObject.boxCorners(): sizeX along the yaw, sizeY across it.
                double yaw = o.pose().yaw();
                g.setBox(b++, o.pose().x(), o.pose().y(), Math.cos(yaw), Math.sin(yaw), o.sizeX() / 2, o.sizeY() / 2);
            }
        }
        return g;
    }

    private void setBox(int i, double cx, double cy, double ux, double uy, double halfLength, double halfWidth) {
        int o = BOX * i;
        box[o] = cx; box[o + 1] = cy; box[o + 2] = ux; box[o + 3] = uy; box[o + 4] = halfLength; box[o + 5] = halfWidth;
    }

    public int boxes() {
        return boxCount;
    }

    public int circles() {
        return circleCount;
    }

    /**
     * Distance along the unit ray (ox, oy) + t (dx, dy) to the box at {@code box[o ..]}: where the
     * ray enters it, or where it leaves it when the origin is inside; +Inf on a miss. Shared by
     * the grid traversal and the brute-force reference, so both round identically.
     */
    public static double rayBox(double[] box, int o, double ox, double oy, double dx, double dy) {
        double px = ox - box[o], py = oy - box[o + 1], ux = box[o + 2], uy = box[o + 3];
        double hl = box[o + 4], hw = box[o + 5];
        // The ray in the box frame: u along the length, v = perp(u) across it.
        double pu = px * ux + py * uy, pv = py * ux - px * uy;
        double du = dx * ux + dy * uy, dv = dy * ux - dx * uy;
        // Separating axis on the ray's normal: the line misses when the centre lies farther from it
        // than the box's half-extent across it. Division-free, so boxes the beam passes by are cheap;
        // it also rejects a ray parallel to a slab and outside it, so the slabs below need not.
        if (Math.abs(pu * dv - pv * du) > hl * Math.abs(dv) + hw * Math.abs(du)) return Double.POSITIVE_INFINITY;
        // Slabs: the line is inside the box for t in [near, far].
        double near = Double.NEGATIVE_INFINITY, far = Double.POSITIVE_INFINITY;
        if (du != 0) {
            double inv = 1 / du, t1 = (-hl - pu) * inv, t2 = (hl - pu) * inv;
            near = Math.min(t1, t2); far = Math.max(t1, t2);
        }
        if (dv != 0) {
            double inv = 1 / dv, t1 = (-hw - pv) * inv, t2 = (hw - pv) * inv;
            near = Math.max(near, Math.min(t1, t2)); far = Math.min(far, Math.max(t1, t2));
        }
        if (near > far || far < 0) return Double.POSITIVE_INFINITY;
        return near >= 0 ? near : far;
    }

    /** Distance along the unit ray to the circle at {@code circle[o ..]} (its far side when the origin is inside), or +Inf. */
    public static double rayCircle(double[] circle, int o, double ox, double oy, double dx, double dy) {
        double px = circle[o] - ox, py = circle[o + 1] - oy, r = circle[o + 2];
        double b = px * dx + py * dy;
        double c = px * px + py * py - r * r;
        double disc = b * b - c;
        if (disc < 0) return Double.POSITIVE_INFINITY;
        double root = Math.sqrt(disc);
        double t = c > 0 ? b - root : b + root;
        return t >= 0 ? t : Double.POSITIVE_INFINITY;
    }
}
