package dev.umwelt.worldmodel.query;

import dev.umwelt.bus.grid.IntMinHeap;
import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The robot's one grid search, over the occupancy grid and its {@link ClearanceField}, 8-connected,
 * with one heap ({@link IntMinHeap}) and one loop for both of its uses:
 * <ul>
 *   <li>{@link #plan}: A* from a point to the first cell within a tolerance of a goal (so a goal on
 *       an obstacle, an object to reach, is approached, not entered), shortened to waypoints by
 *       line of sight ({@link dev.umwelt.worldmodel.WorldModel#plan}, the VLA's goal path);</li>
 *   <li>{@link #sweep}: Dijkstra from the robot to every cell of a window, the cost to all of
 *       them at once (the explorer: frontier and stand-off choice, routes by {@link Sweep#pathTo}).</li>
 * </ul>
 * What a cell costs and whether it may be entered is a {@link Rules}. Not thread-safe; reuses its
 * buffers, so a {@link Sweep} is valid until this planner's next search.
 */
public final class GridPlanner {
    private static final int[] DX = {1, -1, 0, 0, 1, 1, -1, -1}, DY = {0, 0, 1, -1, 1, -1, 1, -1};
    private static final double[] STEP = {1, 1, 1, 1, Math.sqrt(2), Math.sqrt(2), Math.sqrt(2), Math.sqrt(2)};
    /** Metres (Manhattan, in cells) around the start where {@link Escape#NEAR_START} relaxes passability. */
    private static final double NEAR_START = 0.6;

    /** How a start too close to an obstacle gets out, which goes with how corners are treated. */
    public enum Escape {
        /**
         * A start inside the inflation (lethal cells) may leave through lethal cells that are not
         * occupied, until it is out; diagonal steps never cut a blocked corner.
         */
        INFLATION,
        /**
         * Within 0.6 m (Manhattan) of the start, a cell with the start's own clearance (less 0.01 m)
         * passes, and unknown cells pass even when unknown space is otherwise impassable; diagonal
         * steps may cut corners (the clearance already keeps the robot off them).
         */
        NEAR_START
    }

    /**
     * @param clearance   a cell within this many metres of an occupied cell centre is impassable (lethal, inclusive)
     * @param preferred   below this clearance (m) a step costs more: {@code 1 + penalty * (preferred - c) / (preferred - clearance)}
     *                    times its length, so paths keep to the middle of passages; 0: no such cost
     * @param penalty     see {@code preferred}
     * @param unknownCost cost per metre of an unknown cell (free: 1); {@code +Infinity}: unknown cells are impassable
     * @param escape      how a start near an obstacle gets out ({@link Escape})
     */
    public record Rules(double clearance, double preferred, double penalty, double unknownCost, Escape escape) {
        public Rules {
            if (!(clearance >= 0)) throw new IllegalArgumentException("clearance must be >= 0: " + clearance);
            if (!(unknownCost >= 1)) throw new IllegalArgumentException("unknownCost must be >= 1: " + unknownCost);
            if (!(penalty >= 0) || !(preferred >= 0)) throw new IllegalArgumentException("preferred and penalty must be >= 0");
        }

        /** The world model's: obstacles inflated by {@code radius}, unknown cells at {@code unknownCost}, no clearance cost. */
        public static Rules inflated(double radius, double unknownCost) {
            return new Rules(radius, 0, 0, unknownCost, Escape.INFLATION);
        }

        /** The explorer's: cells need {@code hard} clearance and cost more below {@code preferred}. */
        public static Rules keepClear(double hard, double preferred, double penalty, double unknownCost) {
            return new Rules(hard, preferred, penalty, unknownCost, Escape.NEAR_START);
        }

        /** The same rules with another passable clearance (a squeeze). */
        public Rules withClearance(double c) {
            return new Rules(c, preferred, penalty, unknownCost, escape);
        }
    }

    private final ClearanceField field;
    private final OccupancyGrid grid;
    private final int w, h;
    private final Rules rules;
    private final double[] g;
    private final int[] parent, seen;
    private final boolean[] escaping;
    private int stamp;
    /** Heap order as measured (no tie-break by cell): the planners' trajectories were made with it. */
    private final IntMinHeap open = new IntMinHeap(1024, false);
    private long expanded;
    /** The current search's window and lethal radius (squared cells), for {@link #blocked}. */
    private int bx0, by0, bx1, by1;
    private double lethal2;

    /** A planner over {@code field} with {@code rules} as the default for {@link #plan}. */
    public GridPlanner(ClearanceField field, Rules rules) {
        this.field = field;
        this.grid = field.grid();
        this.w = grid.width();
        this.h = grid.height();
        this.rules = rules;
        int n = w * h;
        g = new double[n];
        parent = new int[n];
        seen = new int[n];
        escaping = new boolean[n];
    }

    public ClearanceField field() { return field; }

    public Rules rules() { return rules; }

    /** A path from (x0,y0) to within {@code goalTolerance} metres of (x1,y1), by the default rules; empty when none exists. */
    public Optional<PlannedPath> plan(double x0, double y0, double x1, double y1, double goalTolerance) {
        int cx = grid.cellX(x0), cy = grid.cellY(y0);
        if (!grid.inGrid(cx, cy)) return Optional.empty();
        double res = grid.resolution();
        double gx = (x1 - grid.originX()) / res - 0.5, gy = (y1 - grid.originY()) / res - 0.5; // goal in cell-centre units
        double tol = Math.max(goalTolerance / res, 0.5);
        int goal = search(rules, cx, cy, 0, 0, w - 1, h - 1, gx, gy, tol, 1);
        if (goal < 0) return Optional.empty();
        List<Integer> cells = cellsTo(goal);
        return Optional.of(shorten(cells, g[goal] * res, x0, y0));
    }

    /**
     * Dijkstra from the cell of (x, y) (clamped into the window) to every cell of the window
     * [minX, maxX] x [minY, maxY] (metres, clipped to the grid), costs in metres.
     */
    public Sweep sweep(double x, double y, double minX, double minY, double maxX, double maxY, Rules r) {
        int ax = Math.max(0, grid.cellX(minX)), ay = Math.max(0, grid.cellY(minY));
        int bx = Math.min(w - 1, grid.cellX(maxX)), by = Math.min(h - 1, grid.cellY(maxY));
        return sweepCells(x, y, ax, ay, Math.max(ax, bx), Math.max(ay, by), r);
    }

    /** {@link #sweep} over the cell window [x0, x1] x [y0, y1] (inclusive, inside the grid). */
    public Sweep sweepCells(double x, double y, int x0, int y0, int x1, int y1, Rules r) {
        int cx = Math.max(x0, Math.min(x1, grid.cellX(x))), cy = Math.max(y0, Math.min(y1, grid.cellY(y)));
        search(r, cx, cy, x0, y0, x1, y1, Double.NaN, Double.NaN, 0, grid.resolution());
        return new Sweep(stamp, x0, y0, x1, y1, r);
    }

    /**
     * The one search loop. With a goal ({@code gx} not NaN, cell-centre units) A* to the first
     * cell within {@code tol} cells of it, returning that cell or -1; without one, Dijkstra over
     * the whole window (returns -1). Costs are in units of {@code unit} metres per cell.
     */
    private int search(Rules r, int startX, int startY, int x0, int y0, int x1, int y1, double gx, double gy, double tol, double unit) {
        if (++stamp == Integer.MAX_VALUE) { Arrays.fill(seen, 0); stamp = 1; }
        bx0 = x0; by0 = y0; bx1 = x1; by1 = y1;
        double res = grid.resolution();
        lethal2 = Math.pow(r.clearance() / res, 2);
        int[] d2 = field.squaredDistances();
        float[] cl = field.metres();
        int start = startY * w + startX;
        int nearRange = (int) (NEAR_START / res);
        double nearHard = Math.min(r.clearance(), cl[start] - 0.01);
        boolean toGoal = !Double.isNaN(gx), inflation = r.escape() == Escape.INFLATION;
        boolean unknownPasses = Double.isFinite(r.unknownCost());
        double tol2 = tol * tol, penaltyRange = Math.max(1e-6, r.preferred() - r.clearance());
        open.clear();
        g[start] = 0;
        parent[start] = -1;
        seen[start] = stamp;
        escaping[start] = inflation && d2[start] <= lethal2;
        open.push(start, toGoal ? heuristic(startX, startY, gx, gy, tol) : 0);
        while (!open.isEmpty()) {
            int k = open.pop();
            if (seen[k] == -stamp) continue; // closed already (stale heap entry)
            seen[k] = -stamp;
            expanded++;
            int ix = k % w, iy = k / w;
            if (toGoal && (ix - gx) * (ix - gx) + (iy - gy) * (iy - gy) <= tol2) return k;
            for (int d = 0; d < 8; d++) {
                int x = ix + DX[d], y = iy + DY[d];
                if (x < x0 || y < y0 || x > x1 || y > y1) continue;
                int j = y * w + x;
                if (seen[j] == -stamp || grid.isOccupied(x, y)) continue;
                boolean lethal = d2[j] <= lethal2, unknown = !grid.isFree(x, y), esc = false;
                double f = 1;
                if (inflation) {
                    if (lethal) {
                        if (!escaping[k]) continue;
                        esc = true;
                    }
                    // diagonal steps must not cut a blocked corner
                    if (d >= 4 && (blocked(ix + DX[d], iy, escaping[k]) || blocked(ix, iy + DY[d], escaping[k]))) continue;
                    if (unknown) f = r.unknownCost();
                } else {
                    boolean near = Math.abs(x - startX) + Math.abs(y - startY) <= nearRange;
                    if (lethal && !(near && cl[j] >= nearHard)) continue;
                    if (unknown) {
                        if (!unknownPasses && !near) continue;
                        if (unknownPasses) f = r.unknownCost();
                    }
                }
                if (cl[j] < r.preferred()) f *= 1 + r.penalty() * (r.preferred() - cl[j]) / penaltyRange;
                double cost = g[k] + STEP[d] * unit * f;
                if (!toGoal) cost = (float) cost; // a sweep's cost map is single precision, as the explorer's always was (its measured trajectories)
                if (seen[j] == stamp && cost >= g[j]) continue;
                g[j] = cost;
                parent[j] = k;
                seen[j] = stamp;
                escaping[j] = esc;
                open.push(j, toGoal ? cost + heuristic(x, y, gx, gy, tol) : cost);
            }
        }
        return -1;
    }

    private boolean blocked(int x, int y, boolean escaping) {
        if (x < bx0 || y < by0 || x > bx1 || y > by1) return true;
        return grid.isOccupied(x, y) || (!escaping && field.squaredDistances()[y * w + x] <= lethal2);
    }

    /** Octile distance to the goal disc, scaled by the cheapest step cost (1): admissible. */
    private static double heuristic(int x, int y, double gx, double gy, double tol) {
        double dx = Math.abs(x - gx), dy = Math.abs(y - gy);
        double oct = Math.max(dx, dy) + (Math.sqrt(2) - 1) * Math.min(dx, dy);
        return Math.max(0, oct - tol);
    }

    private List<Integer> cellsTo(int goal) {
        List<Integer> cells = new ArrayList<>();
        for (int k = goal; k >= 0; k = parent[k]) cells.add(k);
        Collections.reverse(cells);
        return cells;
    }

    /**
     * {@link #plan}'s waypoints: a segment replaces several steps when it crosses no lethal cell
     * and no more unknown cells than the steps it replaces.
     */
    private PlannedPath shorten(List<Integer> cells, double cost, double x0, double y0) {
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
                if (segmentOk(cells.get(anchor), cells.get(j), allowed)) { next = j; break; }
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
    private boolean segmentOk(int a, int b, int allowedUnknown) {
        int[] d2 = field.squaredDistances();
        int ax = a % w, ay = a / w, bx = b % w, by = b / w;
        int steps = 2 * Math.max(Math.abs(bx - ax), Math.abs(by - ay));
        int unknown = 0, last = -1;
        for (int s = 0; s <= steps; s++) {
            double t = steps == 0 ? 0 : (double) s / steps;
            int x = (int) Math.round(ax + t * (bx - ax)), y = (int) Math.round(ay + t * (by - ay));
            int k = y * w + x;
            if (k == last) continue;
            last = k;
            if (d2[k] <= lethal2 && k != a) return false;
            if (!grid.isFree(x, y) && ++unknown > allowedUnknown) return false;
        }
        return true;
    }

    /** Cells expanded by all searches so far (for benchmarks). */
    public long expanded() { return expanded; }

    /**
     * The costs of one {@link #sweep}: valid until the planner's next search. Cells are row-major
     * indices of the whole grid ({@code iy * width + ix}); only those in the window were searched.
     */
    public final class Sweep {
        private final int stampOf;
        /** The window, inclusive, in grid cells. */
        public final int x0, y0, x1, y1;
        private final Rules rulesOf;

        private Sweep(int stampOf, int x0, int y0, int x1, int y1, Rules rulesOf) {
            this.stampOf = stampOf;
            this.x0 = x0; this.y0 = y0; this.x1 = x1; this.y1 = y1;
            this.rulesOf = rulesOf;
        }

        private void check() {
            if (stamp != stampOf) throw new IllegalStateException("the planner has searched again since this sweep");
        }

        public OccupancyGrid grid() { return grid; }
        public ClearanceField field() { return field; }
        public Rules rules() { return rulesOf; }

        public boolean inside(int ix, int iy) { return ix >= x0 && iy >= y0 && ix <= x1 && iy <= y1; }

        /** Path cost in metres from the start to cell {@code k}; +Infinity when not reached. */
        public double cost(int k) {
            check();
            return seen[k] == -stampOf ? g[k] : Double.POSITIVE_INFINITY;
        }

        public boolean reached(int k) {
            check();
            return seen[k] == -stampOf;
        }

        /** The cell of (x, y), or -1 outside the window. */
        public int cellAt(double x, double y) {
            int ix = grid.cellX(x), iy = grid.cellY(y);
            return inside(ix, iy) ? iy * w + ix : -1;
        }

        /** The reached cell of least cost among those {@code goal} accepts (row-major order breaks ties), or -1. */
        public int cheapest(IntPredicate goal) {
            check();
            int best = -1;
            double bc = Double.POSITIVE_INFINITY;
            for (int iy = y0; iy <= y1; iy++) {
                for (int k = iy * w + x0, e = iy * w + x1; k <= e; k++) {
                    if (seen[k] == -stampOf && g[k] < bc && goal.test(k)) {
                        bc = g[k];
                        best = k;
                    }
                }
            }
            return best;
        }

        /**
         * The path to {@code goal} as map points, (sx, sy) first, shortened by line of sight: a
         * corner is dropped when the straight segment keeps the clearance the grid path had there
         * (never below the rules' clearance, less 0.01 m); with {@code allowUnknown} false the
         * segment must not cross unknown cells either.
         */
        public List<double[]> pathTo(int goal, double sx, double sy, boolean allowUnknown) {
            check();
            List<Integer> cells = cellsTo(goal);
            int n = cells.size();
            double hard = rulesOf.clearance();
            float[] clear = field.metres();
            double[] xs = new double[n], ys = new double[n], cl = new double[n];
            for (int t = 0; t < n; t++) {
                int k = cells.get(t);
                xs[t] = grid.centerX(k % w);
                ys[t] = grid.centerY(k / w);
                cl[t] = clear[k];
            }
            xs[0] = sx;
            ys[0] = sy;
            List<double[]> out = new ArrayList<>();
            out.add(new double[] {xs[0], ys[0]});
            int i = 0;
            while (i < n - 1) {
                int best = i + 1;
                double minCl = cl[i + 1];
                for (int j = i + 2; j < n && j <= i + 80; j++) {
                    minCl = Math.min(minCl, cl[j]);
                    double need = Math.max(hard, Math.min(minCl, hard + 0.25)) - 0.01;
                    if (segmentClear(xs[i], ys[i], xs[j], ys[j], need, allowUnknown)) best = j;
                }
                out.add(new double[] {xs[best], ys[best]});
                i = best;
            }
            return out;
        }

        /** Whether the straight segment stays in the window and keeps {@code minClearance} everywhere (sampled every half cell). */
        public boolean segmentClear(double ax, double ay, double bx, double by, double minClearance, boolean allowUnknown) {
            float[] clear = field.metres();
            double len = Math.hypot(bx - ax, by - ay);
            int n = Math.max(1, (int) Math.ceil(len / (grid.resolution() * 0.5)));
            for (int k = 0; k <= n; k++) {
                double t = (double) k / n, x = ax + t * (bx - ax), y = ay + t * (by - ay);
                int ix = grid.cellX(x), iy = grid.cellY(y);
                if (!inside(ix, iy)) return false;
                int c = iy * w + ix;
                if (clear[c] < minClearance) return false;
                if (!allowUnknown && !grid.isFree(ix, iy) && !grid.isOccupied(ix, iy)) return false;
            }
            return true;
        }
    }
}
