package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Geodesic distance from a position to what a {@link Task} asks the robot to reach.
 *
 * <ul>
 *   <li>{@link PointGoal}: exactly {@link Geodesics#shortestPath} to the goal point.</li>
 *   <li>{@link ObjectGoal}: the shortest path to ANY free position within {@code successRadius}
 *       of the target's surface ({@link WorldObject#distanceTo}), Habitat's ObjectNav geodesic to
 *       the nearest view point. A multi-goal Lazy Theta* (goal cells: free, centre in the region)
 *       finds the nearest region cell; the path is then string-pulled, refined, and cut where it
 *       first enters the region, so its length is the distance to the region's boundary (to about
 *       a centimetre) rather than to a cell centre inside it. 0 when {@code from} is already within
 *       the success radius (so dT = 0 exactly when the position would succeed, whatever the
 *       inflation); +Infinity when no free cell of the region is reachable.</li>
 *   <li>{@link AudioGoal}: as ObjectGoal, to the emitter's surface ({@link AudioGoal#surface}).</li>
 * </ul>
 */
public final class TaskGeodesics {
    /** Entry points are located to this precision (metres). */
    private static final double ENTRY_TOLERANCE = 1e-4;

    private TaskGeodesics() {}

    /** Geodesic distance in metres to the task's goal; {@code +Infinity} when unreachable. */
    public static double distance(Geodesics g, WorldMap world, Task task, Vec2 from) {
        return path(g, world, task, from).map(GeodesicPath::length).orElse(Double.POSITIVE_INFINITY);
    }

    /** The shortest path to the task's goal (a single point when already there), or empty when unreachable. */
    public static Optional<GeodesicPath> path(Geodesics g, WorldMap world, Task task, Vec2 from) {
        if (task instanceof PointGoal pg) return g.shortestPath(from, pg.goal());
        if (task instanceof ObjectGoal og) return pathToObject(g, og.target(world), og.successRadius(), from);
        if (task instanceof AudioGoal ag) return pathToObject(g, ag.surface(world), ag.successRadius(), from);
        throw new IllegalArgumentException("no geodesic for task kind " + task.kind());
    }

    /**
     * The shortest path from {@code from} to a free position within {@code radius} of the
     * target's surface; it ends on the region's boundary (or is the single point {@code from}
     * when that is already within {@code radius}). Empty when unreachable.
     */
    public static Optional<GeodesicPath> pathToObject(Geodesics g, WorldObject target, double radius, Vec2 from) {
        if (!(radius >= 0)) throw new IllegalArgumentException("radius must be >= 0: " + radius);
        if (target.distanceTo(from) <= radius) return Optional.of(new GeodesicPath(List.of(from), 0));
        boolean[] region = regionMask(g, target, radius);
        if (region == null) return Optional.empty();
        int s = g.nearestFree(from);
        if (s < 0) return Optional.empty();
        boolean sExact = s == g.cellOf(from);
        double sx = sExact ? from.x() : g.cx(s), sy = sExact ? from.y() : g.cy(s);
        Vec2 c = target.position();
        int[] chain = g.search(s, sx, sy, -1, c.x(), c.y(), region, target.boundingRadius() + radius);
        if (chain == null) return Optional.empty();
        List<Vec2> pts = new ArrayList<>();
        if (!sExact) pts.add(from);
        pts.add(new Vec2(sx, sy));
        // Every chain node after the start is a cell centre, and so is the goal: even when the
        // start's own cell is the goal, its centre (inside the region) ends the path.
        for (int k = 1; k < chain.length; k++) pts.add(new Vec2(g.cx(chain[k]), g.cy(chain[k])));
        if (chain.length == 1 && sExact) pts.add(new Vec2(g.cx(s), g.cy(s)));
        int lo = sExact ? 0 : 1;
        List<Vec2> pulled = g.stringPull(pts, lo, pts.size() - 1);
        List<Vec2> refined = PathRefiner.refine(pulled, lo, pulled.size() - 1, g);
        return Optional.of(Geodesics.polyline(cutAtEntry(refined, target, radius)));
    }

    /** Free cells whose centre lies within radius of the target's surface; null when there are none. */
    private static boolean[] regionMask(Geodesics g, WorldObject target, double radius) {
        ClearanceGrid grid = g.grid();
        int w = grid.width();
        double reach = target.boundingRadius() + radius;
        double cx = target.pose().x(), cy = target.pose().y();
        int x0 = Math.max(0, grid.cellX(cx - reach)), x1 = Math.min(w - 1, grid.cellX(cx + reach));
        int y0 = Math.max(0, grid.cellY(cy - reach)), y1 = Math.min(grid.height() - 1, grid.cellY(cy + reach));
        boolean[] region = new boolean[w * grid.height()];
        boolean any = false;
        for (int iy = y0; iy <= y1; iy++) {
            for (int ix = x0; ix <= x1; ix++) {
                if (g.freeCell(ix, iy) && target.distanceTo(grid.cellCenter(ix, iy)) <= radius) {
                    region[iy * w + ix] = true;
                    any = true;
                }
            }
        }
        return any ? region : null;
    }

    /**
     * Cuts the polyline where it first enters the region. The region (an offset of a disc or a
     * box) is convex, so each segment meets it in one interval: sample finely to find the first
     * inside point, then bisect between it and the last outside one.
     */
    static List<Vec2> cutAtEntry(List<Vec2> path, WorldObject target, double radius) {
        double step = 0.01;
        for (int i = 1; i < path.size(); i++) {
            Vec2 a = path.get(i - 1), b = path.get(i);
            double len = a.distanceTo(b);
            int n = Math.max(1, (int) Math.ceil(len / step));
            for (int k = 1; k <= n; k++) {
                double t = (double) k / n;
                if (target.distanceTo(lerp(a, b, t)) > radius) continue;
                double out = (double) (k - 1) / n, in = t;
                while ((in - out) * len > ENTRY_TOLERANCE) {
                    double mid = (out + in) / 2;
                    if (target.distanceTo(lerp(a, b, mid)) <= radius) in = mid; else out = mid;
                }
                List<Vec2> cut = new ArrayList<>(path.subList(0, i));
                cut.add(lerp(a, b, in));
                return cut;
            }
        }
        return path; // the last point is a region cell centre, so this is not reached in practice
    }

    private static Vec2 lerp(Vec2 a, Vec2 b, double t) {
        return new Vec2(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
    }
}
