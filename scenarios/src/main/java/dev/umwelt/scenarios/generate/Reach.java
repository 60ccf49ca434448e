package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.grid.IntMinHeap;

import java.util.Arrays;

/**
 * The start's free component on a clearance grid (cells with clearance >= the inflation radius)
 * with 8-connected octile distances: one sweep answers "reachable?" for every cell and ranks
 * candidate goals before the exact (slower) geodesic query.
 */
final class Reach {
    private final ClearanceGrid grid;
    private final float[] dist;

    private Reach(ClearanceGrid grid, float[] dist) {
        this.grid = grid;
        this.dist = dist;
    }

    static Reach from(ClearanceGrid grid, Vec2 start, double radius) {
        int w = grid.width(), h = grid.height();
        float[] dist = new float[w * h];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        int sx = grid.cellX(start.x()), sy = grid.cellY(start.y());
        if (!grid.isFree(sx, sy, radius)) return new Reach(grid, dist);
        double res = grid.resolution(), diag = res * Math.sqrt(2);
        IntMinHeap heap = new IntMinHeap(1024, true);
        dist[sy * w + sx] = 0;
        heap.push(sy * w + sx, 0);
        while (!heap.isEmpty()) {
            float d = (float) heap.minKey();
            int c = heap.pop();
            if (d > dist[c]) continue;
            int cx = c % w, cy = c / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx == 0 && dy == 0) continue;
                    int nx = cx + dx, ny = cy + dy;
                    if (!grid.isFree(nx, ny, radius)) continue;
                    // No corner cutting, as in Geodesics.
                    if (dx != 0 && dy != 0 && (!grid.isFree(cx + dx, cy, radius) || !grid.isFree(cx, cy + dy, radius))) continue;
                    float nd = (float) (d + (dx != 0 && dy != 0 ? diag : res));
                    int n = ny * w + nx;
                    if (nd < dist[n]) {
                        dist[n] = nd;
                        heap.push(n, nd);
                    }
                }
            }
        }
        return new Reach(grid, dist);
    }

    /** Octile distance from the start to the cell of {@code p}; +Infinity when not in the start's component. */
    double at(Vec2 p) {
        return cell(grid.cellX(p.x()), grid.cellY(p.y()));
    }

    double cell(int ix, int iy) {
        return grid.inGrid(ix, iy) ? dist[iy * grid.width() + ix] : Double.POSITIVE_INFINITY;
    }

    ClearanceGrid grid() {
        return grid;
    }
}
