package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.Arrays;

/**
 * A planning snapshot of the occupancy grid, cropped to a window around what has been observed:
 * per cell unknown/free/occupied and the clearance (metres from the cell centre to the nearest
 * occupied cell centre, exact Euclidean distance transform). Built at the grid's own resolution
 * (0.05 m): doorways are only about 2 x (footprint + margin) wide, and a coarser grid closes them.
 * Immutable after construction; one is built per replan (a few ms for a 20 m x 20 m window).
 */
final class NavGrid {
    static final byte UNKNOWN = 0, FREE = 1, OCCUPIED = 2;

    final OccupancyGrid source;
    /** Window origin in the source grid's cell indices, and its size in cells. */
    final int x0, y0, w, h;
    final double res;
    final byte[] state;
    final float[] clearance;

    private NavGrid(OccupancyGrid g, int x0, int y0, int w, int h) {
        this.source = g;
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        this.res = g.resolution();
        this.state = new byte[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int gx = x0 + i, gy = y0 + j;
                state[j * w + i] = g.isOccupied(gx, gy) ? OCCUPIED : g.isFree(gx, gy) ? FREE : UNKNOWN;
            }
        }
        this.clearance = distanceTransform();
    }

    /**
     * The window: the box [minX,maxX] x [minY,maxY] (metres, map frame) grown by {@code margin},
     * clipped to the grid; callers pass the box of the robot's visited poses grown by the lidar range.
     */
    static NavGrid of(OccupancyGrid g, double minX, double minY, double maxX, double maxY) {
        int ax = Math.max(0, g.cellX(minX)), ay = Math.max(0, g.cellY(minY));
        int bx = Math.min(g.width() - 1, g.cellX(maxX)), by = Math.min(g.height() - 1, g.cellY(maxY));
        // Shrink to the observed cells (plus a 2-cell rim), so planning never sweeps empty unknown.
        int kx0 = Integer.MAX_VALUE, ky0 = Integer.MAX_VALUE, kx1 = -1, ky1 = -1;
        for (int y = ay; y <= by; y++) {
            for (int x = ax; x <= bx; x++) {
                if (g.logOdds(x, y) != 0f) {
                    if (x < kx0) kx0 = x;
                    if (x > kx1) kx1 = x;
                    if (y < ky0) ky0 = y;
                    if (y > ky1) ky1 = y;
                }
            }
        }
        if (kx1 < 0) { kx0 = ax; kx1 = bx; ky0 = ay; ky1 = by; }
        kx0 = Math.max(ax, kx0 - 2); ky0 = Math.max(ay, ky0 - 2);
        kx1 = Math.min(bx, kx1 + 2); ky1 = Math.min(by, ky1 + 2);
        return new NavGrid(g, kx0, ky0, Math.max(1, kx1 - kx0 + 1), Math.max(1, ky1 - ky0 + 1));
    }

    int index(int i, int j) { return j * w + i; }
    boolean inside(int i, int j) { return i >= 0 && j >= 0 && i < w && j < h; }
    int cellI(double x) { return source.cellX(x) - x0; }
    int cellJ(double y) { return source.cellY(y) - y0; }
    double centerX(int i) { return source.centerX(i + x0); }
    double centerY(int j) { return source.centerY(j + y0); }
    double centerX(int k, boolean unused) { return centerX(k % w); }

    /** Clearance at a point; 0 outside the window (unknown space is not an obstacle, but we know nothing there). */
    double clearanceAt(double x, double y) {
        int i = cellI(x), j = cellJ(y);
        return inside(i, j) ? clearance[index(i, j)] : 0;
    }

    byte stateAt(double x, double y) {
        int i = cellI(x), j = cellJ(y);
        return inside(i, j) ? state[index(i, j)] : UNKNOWN;
    }

    /** Whether the straight segment keeps at least {@code minClearance} everywhere (sampled every half cell). */
    boolean segmentClear(double ax, double ay, double bx, double by, double minClearance, boolean allowUnknown) {
        double len = Math.hypot(bx - ax, by - ay);
        int n = Math.max(1, (int) Math.ceil(len / (res * 0.5)));
        for (int k = 0; k <= n; k++) {
            double t = (double) k / n, x = ax + t * (bx - ax), y = ay + t * (by - ay);
            int i = cellI(x), j = cellJ(y);
            if (!inside(i, j)) return false;
            int c = index(i, j);
            if (clearance[c] < minClearance) return false;
            if (!allowUnknown && state[c] == UNKNOWN) return false;
        }
        return true;
    }

    /** Exact Euclidean distance transform (Felzenszwalb-Huttenlocher) to occupied cells, in metres. */
    private float[] distanceTransform() {
        double inf = 1e12;
        double[] f = new double[w * h];
        for (int k = 0; k < f.length; k++) f[k] = state[k] == OCCUPIED ? 0 : inf;
        int n = Math.max(w, h);
        double[] line = new double[n], out = new double[n], z = new double[n + 1];
        int[] v = new int[n];
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < h; j++) line[j] = f[j * w + i];
            edt1d(line, h, out, v, z);
            for (int j = 0; j < h; j++) f[j * w + i] = out[j];
        }
        for (int j = 0; j < h; j++) {
            System.arraycopy(f, j * w, line, 0, w);
            edt1d(line, w, out, v, z);
            System.arraycopy(out, 0, f, j * w, w);
        }
        float[] c = new float[w * h];
        float cap = (float) (Math.max(w, h) * res);
        for (int k = 0; k < c.length; k++) c[k] = f[k] >= inf / 2 ? cap : (float) (Math.sqrt(f[k]) * res);
        return c;
    }

    private static void edt1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s;
            while (true) {
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
                if (s <= z[k] && k > 0) k--;
                else break;
            }
            if (s <= z[k]) { // k == 0 and the new parabola dominates everywhere
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) k++;
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    @Override
    public String toString() {
        return "NavGrid[" + w + "x" + h + " at (" + x0 + "," + y0 + "), states=" + Arrays.hashCode(state) + "]";
    }
}
