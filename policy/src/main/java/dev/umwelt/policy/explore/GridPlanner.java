package dev.umwelt.policy.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Dijkstra from the robot over a {@link NavGrid} (8-connected). A cell is passable when its
 * clearance is at least {@code hard} (footprint plus a little) and it is free, or unknown when
 * {@code unknownCost} is finite (optimistic planning toward a point or object in unmapped space).
 * Cost is length times {@code 1 + penalty * (preferred - clearance) / (preferred - hard)} below
 * {@code preferred}, so paths keep to the middle of passages where room allows. One search gives
 * the cost to every cell, which is what frontier selection needs (all candidates at once).
 */
final class GridPlanner {
    static final double PENALTY = 3.0;

    final NavGrid grid;
    final float[] cost;
    final int[] parent;
    final int start;

    /**
     * @param hard minimum clearance of a passable cell; near the start (0.6 m) the start cell's own
     *             clearance is enough, so a robot that ended up close to a wall can still leave
     */
    GridPlanner(NavGrid grid, double sx, double sy, double hard, double preferred, double unknownCost) {
        this.grid = grid;
        int n = grid.w * grid.h;
        cost = new float[n];
        parent = new int[n];
        Arrays.fill(cost, Float.POSITIVE_INFINITY);
        Arrays.fill(parent, -1);
        int si = clampI(grid.cellI(sx)), sj = clampJ(grid.cellJ(sy));
        start = grid.index(si, sj);
        float startClear = grid.clearance[start];
        double nearHard = Math.min(hard, startClear - 0.01);
        int[] heap = new int[Math.max(16, n / 4)];
        float[] key = new float[heap.length];
        int size = 0;
        cost[start] = 0;
        heap[size] = start; key[size] = 0; size++;
        int[] di = {1, -1, 0, 0, 1, 1, -1, -1};
        int[] dj = {0, 0, 1, -1, 1, -1, 1, -1};
        double res = grid.res;
        while (size > 0) {
            int c = heap[0];
            float kc = key[0];
            size--;
            if (size > 0) { // sift down the last element from the root
                int x = heap[size]; float kx = key[size]; int p = 0;
                while (true) {
                    int l = 2 * p + 1;
                    if (l >= size) break;
                    int r = l + 1, m = (r < size && key[r] < key[l]) ? r : l;
                    if (key[m] >= kx) break;
                    heap[p] = heap[m]; key[p] = key[m]; p = m;
                }
                heap[p] = x; key[p] = kx;
            }
            if (kc > cost[c]) continue;
            int ci = c % grid.w, cj = c / grid.w;
            for (int d = 0; d < 8; d++) {
                int ni = ci + di[d], nj = cj + dj[d];
                if (!grid.inside(ni, nj)) continue;
                int nk = grid.index(ni, nj);
                float cl = grid.clearance[nk];
                byte st = grid.state[nk];
                if (st == NavGrid.OCCUPIED) continue;
                boolean nearStart = Math.abs(ni - si) + Math.abs(nj - sj) <= (int) (0.6 / res);
                if (cl < hard && !(nearStart && cl >= nearHard)) continue;
                double f = 1;
                if (st == NavGrid.UNKNOWN) {
                    if (!Double.isFinite(unknownCost) && !nearStart) continue;
                    f = Double.isFinite(unknownCost) ? unknownCost : 1;
                }
                if (cl < preferred) f *= 1 + PENALTY * (preferred - cl) / Math.max(1e-6, preferred - hard);
                float nc = (float) (kc + (d < 4 ? res : res * Math.sqrt(2)) * f);
                if (nc < cost[nk]) {
                    cost[nk] = nc;
                    parent[nk] = c;
                    if (size == heap.length) {
                        heap = Arrays.copyOf(heap, size * 2);
                        key = Arrays.copyOf(key, size * 2);
                    }
                    int p = size++; // sift up
                    while (p > 0) {
                        int q = (p - 1) / 2;
                        if (key[q] <= nc) break;
                        heap[p] = heap[q]; key[p] = key[q]; p = q;
                    }
                    heap[p] = nk; key[p] = nc;
                }
            }
        }
    }

    private int clampI(int i) { return Math.max(0, Math.min(grid.w - 1, i)); }
    private int clampJ(int j) { return Math.max(0, Math.min(grid.h - 1, j)); }

    boolean reachable(int k) { return Float.isFinite(cost[k]); }

    /** The reached cell of least cost among those {@code goal} accepts, or -1. */
    int cheapest(IntPredicate goal) {
        int best = -1;
        float bc = Float.POSITIVE_INFINITY;
        for (int k = 0; k < cost.length; k++) {
            if (cost[k] < bc && goal.test(k)) {
                bc = cost[k];
                best = k;
            }
        }
        return best;
    }

    /**
     * The path to {@code goal} as map points, start first, shortened by line of sight: a corner is
     * dropped when the straight segment keeps the clearance the grid path had there (never below
     * {@code hard}).
     */
    List<double[]> pathTo(int goal, double sx, double sy, double hard, boolean allowUnknown) {
        List<Integer> cells = new ArrayList<>();
        for (int k = goal; k != -1; k = parent[k]) cells.add(k);
        java.util.Collections.reverse(cells);
        int n = cells.size();
        double[] xs = new double[n], ys = new double[n], cl = new double[n];
        for (int t = 0; t < n; t++) {
            int k = cells.get(t);
            xs[t] = grid.centerX(k % grid.w);
            ys[t] = grid.centerY(k / grid.w);
            cl[t] = grid.clearance[k];
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
                if (grid.segmentClear(xs[i], ys[i], xs[j], ys[j], need, allowUnknown)) best = j;
            }
            out.add(new double[] {xs[best], ys[best]});
            i = best;
        }
        return out;
    }
}
