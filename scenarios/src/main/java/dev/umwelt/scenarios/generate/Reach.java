package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;

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
        // Binary heap of (distance bits, cell) packed in a long: non-negative floats order like their bits.
        long[] heap = new long[1024];
        int size = 0;
        dist[sy * w + sx] = 0;
        heap[size++] = (long) sy * w + sx;
        while (size > 0) {
            long top = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size);
            int c = (int) (top & 0xFFFFFFFFL);
            float d = Float.intBitsToFloat((int) (top >>> 32));
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
                        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
                        heap[size] = ((long) Float.floatToIntBits(nd) << 32) | n;
                        siftUp(heap, size++);
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

    private static void siftUp(long[] h, int i) {
        long v = h[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (h[p] <= v) break;
            h[i] = h[p];
            i = p;
        }
        h[i] = v;
    }

    private static void siftDown(long[] h, int size) {
        if (size == 0) return;
        long v = h[0];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) break;
            int c = l + 1 < size && h[l + 1] < h[l] ? l + 1 : l;
            if (h[c] >= v) break;
            h[i] = h[c];
            i = c;
        }
        h[i] = v;
    }
}
