package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A* over the occupancy grid, 8-connected, with obstacles inflated by the robot's radius
 * ({@link Inflation}): lethal cells are impassable, unknown cells cost {@code unknownCost} per
 * metre (the robot does not know the map, so it may plan through what it has not seen), free
 * cells 1. A start inside the inflation (the robot close to a wall) may leave it through lethal
 * cells that are not occupied. The search ends at the first cell within {@code goalTolerance} of
 * the goal, so a goal on an obstacle (an object to reach) is approached, not entered. The cell
 * path is shortened to waypoints by line of sight: a segment replaces several steps when every
 * cell it crosses is non-lethal and it crosses no more unknown cells than the steps it replaces.
 * Not thread-safe; reuses its buffers.
 */
public final class GridPlanner {
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1}, DY = {0, 0, 1, -1, 1, -1, 1, -1};
    private static final double[] STEP = {1, 1, 1, 1, Math.sqrt(2), Math.sqrt(2), Math.sqrt(2), Math.sqrt(2)};

    private final Inflation inflation;
    private final double unknownCost;
    private double[] g = new double[0];
    private int[] parent = new int[0], seen = new int[0];
    private boolean[] escaping = new boolean[0];
    private int stamp;
    private final Heap open = new Heap();
    private long expanded;

    public GridPlanner(Inflation inflation, double unknownCost) {
        if (!(unknownCost >= 1)) throw new IllegalArgumentException("unknownCost must be >= 1: " + unknownCost);
        this.inflation = inflation;
        this.unknownCost = unknownCost;
    }

    /** A path from (x0,y0) to within {@code goalTolerance} metres of (x1,y1); empty when none exists. */
    public Optional<PlannedPath> plan(double x0, double y0, double x1, double y1, double goalTolerance) {
        OccupancyGrid grid = inflation.grid();
        int w = grid.width(), h = grid.height(), n = w * h;
        int sx = grid.cellX(x0), sy = grid.cellY(y0);
        if (!grid.inGrid(sx, sy)) return Optional.empty();
        if (g.length != n) {
            g = new double[n]; parent = new int[n]; seen = new int[n]; escaping = new boolean[n]; stamp = 0;
        }
        if (++stamp == Integer.MAX_VALUE) { Arrays.fill(seen, 0); stamp = 1; }
        boolean[] lethal = inflation.lethal();
        double res = grid.resolution();
        double gx = (x1 - grid.originX()) / res - 0.5, gy = (y1 - grid.originY()) / res - 0.5; // goal in cell-centre units
        double tol = Math.max(goalTolerance / res, 0.5), tol2 = tol * tol;
        open.clear();
        int start = sy * w + sx;
        g[start] = 0;
        parent[start] = -1;
        seen[start] = stamp;
        escaping[start] = lethal[start];
        open.push(start, heuristic(sx, sy, gx, gy, tol));
        int goal = -1;
        while (!open.isEmpty()) {
            int k = open.pop();
            if (seen[k] == -stamp) continue; // closed already (stale heap entry)
            seen[k] = -stamp;
            expanded++;
            int ix = k % w, iy = k / w;
            if ((ix - gx) * (ix - gx) + (iy - gy) * (iy - gy) <= tol2) { goal = k; break; }
            for (int d = 0; d < 8; d++) {
                int x = ix + DX[d], y = iy + DY[d];
                if (x < 0 || y < 0 || x >= w || y >= h) continue;
                int j = y * w + x;
                if (seen[j] == -stamp || grid.isOccupied(x, y)) continue;
                boolean esc = false;
                if (lethal[j]) {
                    if (!escaping[k]) continue;
                    esc = true;
                }
                // diagonal steps must not cut a blocked corner
                if (d >= 4 && (blocked(grid, lethal, ix + DX[d], iy, escaping[k]) || blocked(grid, lethal, ix, iy + DY[d], escaping[k]))) continue;
                double cost = g[k] + STEP[d] * (grid.isFree(x, y) ? 1 : unknownCost);
                if (seen[j] == stamp && cost >= g[j]) continue;
                g[j] = cost;
                parent[j] = k;
                seen[j] = stamp;
                escaping[j] = esc;
                open.push(j, cost + heuristic(x, y, gx, gy, tol));
            }
        }
        if (goal < 0) return Optional.empty();
        List<Integer> cells = new ArrayList<>();
        for (int k = goal; k >= 0; k = parent[k]) cells.add(k);
        java.util.Collections.reverse(cells);
        return Optional.of(shorten(grid, lethal, cells, g[goal] * res, x0, y0));
    }

    private static boolean blocked(OccupancyGrid grid, boolean[] lethal, int x, int y, boolean escaping) {
        if (!grid.inGrid(x, y)) return true;
        return grid.isOccupied(x, y) || (!escaping && lethal[y * grid.width() + x]);
    }

    /** Octile distance to the goal disc, scaled by the cheapest step cost (1): admissible. */
    private static double heuristic(int x, int y, double gx, double gy, double tol) {
        double dx = Math.abs(x - gx), dy = Math.abs(y - gy);
        double oct = Math.max(dx, dy) + (Math.sqrt(2) - 1) * Math.min(dx, dy);
        return Math.max(0, oct - tol);
    }

    private PlannedPath shorten(OccupancyGrid grid, boolean[] lethal, List<Integer> cells, double cost, double x0, double y0) {
        int w = grid.width();
        int[] unknownBefore = new int[cells.size() + 1];
        for (int i = 0; i < cells.size(); i++) {
            int k = cells.get(i);
            unknownBefore[i + 1] = unknownBefore[i] + (grid.isFree(k % w, k / w) ? 0 : 1);
        }
        List<Waypoint> out = new ArrayList<>();
        out.add(new Waypoint(x0, y0));
        int anchor = 0;
        while (anchor < cells.size() - 1) {
            int next = anchor + 1;
            for (int j = cells.size() - 1; j > anchor + 1; j--) {
                int allowed = unknownBefore[j + 1] - unknownBefore[anchor];
                if (segmentOk(grid, lethal, cells.get(anchor), cells.get(j), allowed)) { next = j; break; }
            }
            int k = cells.get(next);
            out.add(new Waypoint(grid.centerX(k % w), grid.centerY(k / w)));
            anchor = next;
        }
        double length = 0;
        for (int i = 1; i < out.size(); i++) length += out.get(i).distanceTo(out.get(i - 1).x(), out.get(i - 1).y());
        return new PlannedPath(out, length, cost, unknownBefore[cells.size()]);
    }

    /** The segment between two cell centres crosses no lethal cell and at most {@code allowedUnknown} unknown ones. */
    private static boolean segmentOk(OccupancyGrid grid, boolean[] lethal, int a, int b, int allowedUnknown) {
        int w = grid.width();
        int ax = a % w, ay = a / w, bx = b % w, by = b / w;
        int steps = 2 * Math.max(Math.abs(bx - ax), Math.abs(by - ay));
        int unknown = 0, last = -1;
        for (int s = 0; s <= steps; s++) {
            double t = steps == 0 ? 0 : (double) s / steps;
            int x = (int) Math.round(ax + t * (bx - ax)), y = (int) Math.round(ay + t * (by - ay));
            int k = y * w + x;
            if (k == last) continue;
            last = k;
            if (lethal[k] && k != a) return false;
            if (!grid.isFree(x, y) && ++unknown > allowedUnknown) return false;
        }
        return true;
    }

    /** Cells expanded by all searches so far (for benchmarks). */
    public long expanded() { return expanded; }

    /** A binary min-heap of cell indices keyed by f; duplicates allowed (lazy deletion). */
    private static final class Heap {
        private int[] cells = new int[1024];
        private double[] keys = new double[1024];
        private int size;

        void clear() { size = 0; }
        boolean isEmpty() { return size == 0; }

        void push(int cell, double key) {
            if (size == cells.length) { cells = Arrays.copyOf(cells, size * 2); keys = Arrays.copyOf(keys, size * 2); }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] <= key) break;
                cells[i] = cells[p]; keys[i] = keys[p]; i = p;
            }
            cells[i] = cell; keys[i] = key;
        }

        int pop() {
            int top = cells[0];
            int cell = cells[--size];
            double key = keys[size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && keys[c + 1] < keys[c]) c++;
                if (keys[c] >= key) break;
                cells[i] = cells[c]; keys[i] = keys[c]; i = c;
            }
            cells[i] = cell; keys[i] = key;
            return top;
        }
    }
}
