package dev.umwelt.policy.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Frontier clusters: free, passable, reachable cells with an unknown 4-neighbour, grouped
 * 8-connected. Each cluster is represented by its cheapest reachable cell (where the robot
 * drives to) and scored by path cost minus a bonus for its size (bigger openings promise more).
 */
final class Frontiers {
    /** Clusters smaller than this many cells are lidar speckle, not openings. */
    static final int MIN_CELLS = 4;
    /** Metres of path cost one metre of frontier length is worth (capped at 2 m of frontier). */
    static final double SIZE_BONUS = 0.5;

    record Frontier(double x, double y, int cells, double cost, double score) {}

    private Frontiers() {}

    static List<Frontier> find(GridPlanner planner, double hard) {
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
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        for (int s = 0; s < n; s++) {
            if (!isF[s] || seen[s]) continue;
            int head = 0, tail = 0, best = s;
            queue[tail++] = s;
            seen[s] = true;
            while (head < tail) {
                int c = queue[head++];
                if (planner.cost[c] < planner.cost[best]) best = c;
                int ci = c % g.w, cj = c / g.w;
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int ni = ci + di, nj = cj + dj;
                        if (!g.inside(ni, nj)) continue;
                        int nk = g.index(ni, nj);
                        if (isF[nk] && !seen[nk]) {
                            seen[nk] = true;
                            queue[tail++] = nk;
                        }
                    }
                }
            }
            if (tail < MIN_CELLS) continue;
            double cost = planner.cost[best];
            double score = cost - SIZE_BONUS * Math.min(2.0, tail * g.res);
            out.add(new Frontier(g.centerX(best % g.w), g.centerY(best / g.w), tail, cost, score));
        }
        return out;
    }
}
