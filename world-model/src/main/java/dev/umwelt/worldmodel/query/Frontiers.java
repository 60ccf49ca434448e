package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frontier detection: a frontier cell is a known-free cell with an unknown 4-neighbour. Only
 * frontier cells the robot can reach are reported: a breadth-first search from the robot's cell
 * over free, non-lethal cells (see {@link Inflation}); cells within the robot's radius of its own
 * centre are passable too (other than occupied ones), so a robot that stands close to a wall is
 * not walled in by its own inflation. Reached frontier cells are grouped 8-connected; clusters
 * of fewer than {@code minCells} are dropped. Frontiers come nearest first (by search order).
 */
public final class Frontiers {
    private static final int[] N4X = {1, -1, 0, 0}, N4Y = {0, 0, 1, -1};
    private static final int[] N8X = {1, -1, 0, 0, 1, 1, -1, -1}, N8Y = {0, 0, 1, -1, 1, -1, 1, -1};

    private final Inflation inflation;
    private final int minCells;
    private int[] queue = new int[0], cluster = new int[0];
    private int[] mark = new int[0];
    /** {@code front[k] == stamp}: cell k was found a frontier cell by this search (clustering then needs no re-test). */
    private int[] front = new int[0];
    private int stamp;

    public Frontiers(Inflation inflation, int minCells) {
        this.inflation = inflation;
        this.minCells = minCells;
    }

    public List<Frontier> find(double robotX, double robotY) {
        OccupancyGrid g = inflation.grid();
        int w = g.width(), h = g.height(), n = w * h;
        if (mark.length != n) { mark = new int[n]; front = new int[n]; queue = new int[n]; cluster = new int[n]; stamp = 0; }
        stamp += 2; // stamp: reached; stamp+1: already put into a cluster
        if (stamp > Integer.MAX_VALUE - 4) { Arrays.fill(mark, 0); Arrays.fill(front, 0); stamp = 2; }
        boolean[] lethal = inflation.lethal();
        int rx = g.cellX(robotX), ry = g.cellY(robotY);
        if (!g.inGrid(rx, ry)) return List.of();
        double escape2 = Math.pow(inflation.radius() / g.resolution() + 1, 2);
        int head = 0, tail = 0;
        queue[tail++] = ry * w + rx;
        mark[ry * w + rx] = stamp;
        while (head < tail) {
            int k = queue[head++];
            int iy = k / w, ix = k - iy * w;
            if (g.isFrontierCell(ix, iy)) front[k] = stamp;
            for (int d = 0; d < 4; d++) {
                int x = ix + N4X[d], y = iy + N4Y[d];
                if (x < 0 || y < 0 || x >= w || y >= h) continue;
                int j = y * w + x;
                if (mark[j] >= stamp) continue;
                boolean near = (x - rx) * (x - rx) + (y - ry) * (y - ry) <= escape2;
                boolean pass = g.isFree(x, y) ? (!lethal[j] || near) : (near && !g.isOccupied(x, y));
                if (!pass) continue;
                mark[j] = stamp;
                queue[tail++] = j;
            }
        }
        List<Frontier> out = new ArrayList<>();
        // Frontier cells in search order (nearest first): the queue still holds every reached cell.
        for (int q = 0; q < tail; q++) {
            int seed = queue[q];
            if (front[seed] != stamp || mark[seed] != stamp) continue; // not a frontier cell, or already clustered
            int cHead = 0, cTail = 0;
            cluster[cTail++] = seed;
            mark[seed] = stamp + 1;
            double sx = 0, sy = 0;
            while (cHead < cTail) {
                int k = cluster[cHead++];
                int ix = k % w, iy = k / w;
                sx += ix;
                sy += iy;
                for (int d = 0; d < 8; d++) {
                    int x = ix + N8X[d], y = iy + N8Y[d];
                    if (x < 0 || y < 0 || x >= w || y >= h) continue;
                    int j = y * w + x;
                    if (mark[j] != stamp || front[j] != stamp) continue;
                    mark[j] = stamp + 1;
                    cluster[cTail++] = j;
                }
            }
            if (cTail < minCells) continue;
            double mx = sx / cTail, my = sy / cTail;
            int best = seed;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < cTail; i++) {
                int k = cluster[i];
                double d = Math.pow(k % w - mx, 2) + Math.pow(k / w - my, 2);
                if (d < bestD) { bestD = d; best = k; }
            }
            out.add(new Frontier(g.centerX(best % w), g.centerY(best / w), cTail));
        }
        return out;
    }
}
