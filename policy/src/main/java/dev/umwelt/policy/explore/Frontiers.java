package dev.umwelt.policy.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Frontier clusters: free, passable, reachable cells with an unknown 4-neighbour, grouped
 * 8-connected. Each cluster is represented by its cheapest reachable cell (where the robot
 * drives to) and scored by path cost minus a bonus for its size (bigger openings promise more).
 */
final class Frontiers {
    record Frontier(double x, double y, int cells, double cost, double score) {}

    private Frontiers() {}

    /**
     * Frontier clusters of at least {@code frontierMinCells} cells (smaller ones are lidar speckle),
     * scored by path cost less {@code frontierSizeBonus} path metres per metre of frontier (capped at 2 m).
     */
    static List<Frontier> find(GridPlanner planner, double hard, ExplorerConfig config) {
        NavGrid g = planner.grid;
        int n = g.w * g.h;
        boolean[] isF = new boolean[n];
        for (int j = 1; j < g.h - 1; j++) {
            for (int i = 1; i < g.w - 1; i++) {
                int k = g.index(i, j);
                if (g.state[k] != NavGrid.FREE || g.clearance[k] < hard || !planner.reachable(k)) continue;
                if (g.state[k - 1] == NavGrid.UNKNOWN || g.state[k + 1] == NavGrid.UNKNOWN
                        || g.state[k - g.w] == NavGrid.UNKNOWN || g.state[k + g.w] == NavGrid.UNKNOWN) isF[k] = true;
            }
        }
        List<Frontier> out = new ArrayList<>();
        for (Cluster c : clusters(planner, isF, config.frontierMinCells())) {
            double score = c.cost() - config.frontierSizeBonus() * Math.min(2.0, c.cells() * g.res);
            out.add(new Frontier(c.x(), c.y(), c.cells(), c.cost(), score));
        }
        return out;
    }

    /**
     * Floor the camera has not looked at: free, passable, reachable cells that no frame covered
     * (see {@link CameraCoverage}), in clusters of at least {@code unviewedMinCells}.
     */
    static List<Cluster> unviewed(GridPlanner planner, CameraCoverage coverage, double hard, int minCells) {
        NavGrid g = planner.grid;
        boolean[] mark = new boolean[g.w * g.h];
        for (int j = 0; j < g.h; j++) {
            for (int i = 0; i < g.w; i++) {
                int k = g.index(i, j);
                mark[k] = g.state[k] == NavGrid.FREE && g.clearance[k] >= hard && planner.reachable(k)
                        && !coverage.viewed(g.x0 + i, g.y0 + j);
            }
        }
        return clusters(planner, mark, minCells);
    }

    /** An 8-connected cluster: its cheapest reachable cell (x, y), path cost there, size and centroid. */
    record Cluster(double x, double y, double cost, int cells, double cx, double cy) {}

    private static List<Cluster> clusters(GridPlanner planner, boolean[] mark, int minCells) {
        NavGrid g = planner.grid;
        int n = g.w * g.h;
        List<Cluster> out = new ArrayList<>();
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            if (!mark[s] || seen[s]) continue;
            int head = 0, tail = 0, best = s;
            double sx = 0, sy = 0;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int c = queue[head++];
                if (planner.cost[c] < planner.cost[best]) best = c;
                int ci = c % g.w, cj = c / g.w;
                sx += g.centerX(ci);
                sy += g.centerY(cj);
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int ni = ci + di, nj = cj + dj;
                        if (!g.inside(ni, nj)) continue;
                        int nk = g.index(ni, nj);
                        if (mark[nk] && !seen[nk]) {
                            seen[nk] = true;
                            queue[tail++] = nk;
                        }
                    }
                }
            }
            if (tail < minCells) continue;
            out.add(new Cluster(g.centerX(best % g.w), g.centerY(best / g.w), planner.cost[best], tail, sx / tail, sy / tail));
        }
        return out;
    }
}
