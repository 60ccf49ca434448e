package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The robot's one frontier finder. A frontier cell is a known-free cell with an unknown
 * 4-neighbour; only cells the robot can reach count, grouped 8-connected into clusters, clusters
 * of fewer than {@code minCells} dropped. Reachability comes from one of two searches:
 * <ul>
 *   <li>{@link #find(double, double)} (the world model's own, for the Belief and pictures when no
 *       policy asked): a breadth-first search from the robot over free cells that are not lethal
 *       for {@code radius} ({@link ClearanceField}); cells within the radius of the robot's own
 *       centre pass too (other than occupied ones), so a robot beside a wall is not walled in by
 *       its own inflation. Frontiers come nearest first, at the cell nearest the cluster's centroid.</li>
 *   <li>{@link #find(GridPlanner.Sweep, int)} (the explorer's): the cells a planner {@link GridPlanner#sweep}
 *       reached, which are free and keep the sweep's clearance, inside its window; each cluster
 *       comes with its cheapest cell (where to drive) and its path cost, in window order.</li>
 * </ul>
 * {@link #clusters} groups any other reached cells the same way (the explorer's unviewed floor).
 * Not thread-safe; reuses its buffers.
 */
public final class Frontiers {
    private static final int[] N4X = {1, -1, 0, 0}, N4Y = {0, 0, 1, -1};
    /** Neighbour orders of the two searches' clustering (the order decides ties among equally good cells). */
    private static final int[] BFS_X = {1, -1, 0, 0, 1, 1, -1, -1}, BFS_Y = {0, 0, 1, -1, 1, -1, 1, -1};
    private static final int[] ROW_X = {-1, 0, 1, -1, 0, 1, -1, 0, 1}, ROW_Y = {-1, -1, -1, 0, 0, 0, 1, 1, 1};

    /**
     * A cluster of reached cells: ({@code x}, {@code y}) its cheapest cell by the sweep's costs (or,
     * from the breadth-first search, the cell nearest its centroid), {@code cost} the path cost there
     * (metres; NaN from the breadth-first search), {@code cells} its size, ({@code cx}, {@code cy}) its centroid.
     */
    public record Cluster(double x, double y, double cost, int cells, double cx, double cy) {
        public Frontier frontier() {
            return new Frontier(x, y, cells);
        }
    }

    private final ClearanceField field;
    private final double radius;
    private final int minCells;
    private int[] queue = new int[0], cluster = new int[0];
    private int[] mark = new int[0];
    /** {@code front[k] == stamp}: cell k was found a frontier cell by this search (clustering then needs no re-test). */
    private int[] front = new int[0];
    private int stamp;

    /** The world model's finder: reachability for {@code radius}, clusters of at least {@code minCells}. */
    public Frontiers(ClearanceField field, double radius, int minCells) {
        this.field = field;
        this.radius = radius;
        this.minCells = minCells;
    }

    private int nextStamp(int n) {
        if (mark.length != n) { mark = new int[n]; front = new int[n]; queue = new int[n]; cluster = new int[n]; stamp = 0; }
        stamp += 2; // stamp: reached / marked; stamp+1: already put into a cluster
        if (stamp > Integer.MAX_VALUE - 4) { Arrays.fill(mark, 0); Arrays.fill(front, 0); stamp = 2; }
        return stamp;
    }

    /** Frontiers reachable from the robot by the breadth-first search, nearest first. */
    public List<Frontier> find(double robotX, double robotY) {
        OccupancyGrid g = field.grid();
        int w = g.width(), h = g.height();
        int st = nextStamp(w * h);
        int rx = g.cellX(robotX), ry = g.cellY(robotY);
        if (!g.inGrid(rx, ry)) return List.of();
        double escape2 = Math.pow(radius / g.resolution() + 1, 2);
        // Passability at one radius only: the stamped mask, not the whole distance transform (same cells).
        boolean[] lethal = field.lethalMask(radius);
        int head = 0, tail = 0;
        queue[tail++] = ry * w + rx;
        mark[ry * w + rx] = st;
        while (head < tail) {
            int k = queue[head++];
            int iy = k / w, ix = k - iy * w;
            if (g.isFrontierCell(ix, iy)) front[k] = st;
            for (int d = 0; d < 4; d++) {
                int x = ix + N4X[d], y = iy + N4Y[d];
                if (x < 0 || y < 0 || x >= w || y >= h) continue;
                int j = y * w + x;
                if (mark[j] >= st) continue;
                boolean near = (x - rx) * (x - rx) + (y - ry) * (y - ry) <= escape2;
                boolean pass = g.isFree(x, y) ? (!lethal[j] || near) : (near && !g.isOccupied(x, y));
                if (!pass) continue;
                mark[j] = st;
                queue[tail++] = j;
            }
        }
        List<Frontier> out = new ArrayList<>();
        // Frontier cells in search order (nearest first): the queue still holds every reached cell.
        for (int q = 0; q < tail; q++) {
            int seed = queue[q];
            if (front[seed] != st || mark[seed] != st) continue; // not a frontier cell, or already clustered
            Cluster c = grow(seed, j -> mark[j] == st && front[j] == st, st + 1, BFS_X, BFS_Y, 0, 0, w - 1, h - 1, null);
            if (c != null) out.add(new Frontier(c.x(), c.y(), c.cells()));
        }
        return out;
    }

    /**
     * Frontier clusters among the cells {@code sweep} reached that are free, keep its clearance
     * and have an unknown 4-neighbour (inside its window, edge excluded), of at least
     * {@code minCells} cells; in window order (row-major).
     */
    public List<Cluster> find(GridPlanner.Sweep sweep, int minCells) {
        OccupancyGrid g = sweep.grid();
        int w = g.width();
        double hard = sweep.rules().clearance();
        return clusters(sweep, k -> {
            int ix = k % w, iy = k / w;
            if (ix <= sweep.x0 || iy <= sweep.y0 || ix >= sweep.x1 || iy >= sweep.y1) return false;
            if (!g.isFree(ix, iy) || field.isLethal(k, hard)) return false;
            return unknown(g, ix - 1, iy) || unknown(g, ix + 1, iy) || unknown(g, ix, iy - 1) || unknown(g, ix, iy + 1);
        }, minCells);
    }

    private static boolean unknown(OccupancyGrid g, int ix, int iy) {
        return !g.isFree(ix, iy) && !g.isOccupied(ix, iy);
    }

    /**
     * 8-connected clusters of the cells {@code sweep} reached that {@code member} accepts, of at
     * least {@code minCells}, each at its cheapest cell; in window order (row-major).
     */
    public List<Cluster> clusters(GridPlanner.Sweep sweep, IntPredicate member, int minCells) {
        OccupancyGrid g = sweep.grid();
        int w = g.width();
        int st = nextStamp(w * g.height());
        for (int iy = sweep.y0; iy <= sweep.y1; iy++)
            for (int k = iy * w + sweep.x0, e = iy * w + sweep.x1; k <= e; k++)
                if (sweep.reached(k) && member.test(k)) mark[k] = st;
        List<Cluster> out = new ArrayList<>();
        for (int iy = sweep.y0; iy <= sweep.y1; iy++) {
            for (int s = iy * w + sweep.x0, e = iy * w + sweep.x1; s <= e; s++) {
                if (mark[s] != st) continue; // not a member, or already clustered
                Cluster c = grow(s, j -> mark[j] == st, st + 1, ROW_X, ROW_Y, sweep.x0, sweep.y0, sweep.x1, sweep.y1, sweep);
                if (c != null && c.cells() >= minCells) out.add(c);
            }
        }
        return out;
    }

    /**
     * The 8-connected cluster of {@code member} cells around {@code seed} (each marked {@code taken}
     * as it joins), within the window; with a sweep, at its cheapest cell (first in search order
     * among equals), else at the cell nearest its centroid. Null when smaller than this finder's
     * {@code minCells} and no sweep (the sweep's caller filters by its own).
     */
    private Cluster grow(int seed, IntPredicate member, int taken, int[] nx, int[] ny, int x0, int y0, int x1, int y1,
                         GridPlanner.Sweep sweep) {
        OccupancyGrid g = field.grid();
        int w = g.width();
        int head = 0, tail = 0;
        cluster[tail++] = seed;
        mark[seed] = taken;
        long ix0 = 0, iy0 = 0;
        double sx = 0, sy = 0;
        int best = seed;
        while (head < tail) {
            int k = cluster[head++];
            int ix = k % w, iy = k / w;
            ix0 += ix;
            iy0 += iy;
            sx += g.centerX(ix);
            sy += g.centerY(iy);
            if (sweep != null && sweep.cost(k) < sweep.cost(best)) best = k;
            for (int d = 0; d < nx.length; d++) {
                int x = ix + nx[d], y = iy + ny[d];
                if (x < x0 || y < y0 || x > x1 || y > y1) continue;
                int j = y * w + x;
                if (!member.test(j)) continue;
                mark[j] = taken;
                cluster[tail++] = j;
            }
        }
        if (sweep == null) {
            if (tail < minCells) return null;
            double mx = (double) ix0 / tail, my = (double) iy0 / tail, bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < tail; i++) {
                int k = cluster[i];
                double d = Math.pow(k % w - mx, 2) + Math.pow(k / w - my, 2);
                if (d < bestD) { bestD = d; best = k; }
            }
            return new Cluster(g.centerX(best % w), g.centerY(best / w), Double.NaN, tail, sx / tail, sy / tail);
        }
        return new Cluster(g.centerX(best % w), g.centerY(best / w), sweep.cost(best), tail, sx / tail, sy / tail);
    }
}
