package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

import java.util.Arrays;

/**
 * The robot's one clearance field: for every cell of the occupancy grid, the exact Euclidean
 * distance from its centre to the nearest occupied cell's centre (Felzenszwalb-Huttenlocher
 * distance transform). The planner's passability, the frontier search's reachability and the
 * explorer's speed all read it; "lethal for radius r" (the robot centred there would touch an
 * occupied cell) is {@code distance <= r}, tested exactly on squared cell distances.
 *
 * <p>Rebuilt lazily when the grid has integrated new scans ({@code grid.version()}), over the
 * cells ever touched ({@code grid.touchedBounds()}: nothing outside is occupied) grown by
 * {@value #RIM} cells; cells outside that window, and all cells while nothing is occupied, read
 * {@code +Infinity} (they are more than 1 m from anything occupied).
 */
public final class ClearanceField {
    /** Cells the transform reaches beyond the touched bounds: 1 m at 0.05 m, past any robot's radius. */
    static final int RIM = 20;
    private static final double INF = 1e12;

    private final OccupancyGrid grid;
    private final int w, h;
    /** Squared distance in cells to the nearest occupied cell centre; {@code Integer.MAX_VALUE}: none within reach. */
    private final int[] d2;
    private final float[] metres;
    private long builtAtVersion = -1;
    private long builds;
    private double[] f = new double[0], line = new double[0], out = new double[0], z = new double[0];
    private int[] v = new int[0];

    public ClearanceField(OccupancyGrid grid) {
        this.grid = grid;
        this.w = grid.width();
        this.h = grid.height();
        this.d2 = new int[w * h];
        this.metres = new float[w * h];
        Arrays.fill(d2, Integer.MAX_VALUE);
        Arrays.fill(metres, Float.POSITIVE_INFINITY);
    }

    public OccupancyGrid grid() { return grid; }

    /** Metres from cell {@code k}'s centre (row-major) to the nearest occupied cell centre. */
    public float clearance(int k) {
        current();
        return metres[k];
    }

    /** Clearance of the cell holding (x, y), in metres; 0 outside the grid. */
    public double clearanceAt(double x, double y) {
        int ix = grid.cellX(x), iy = grid.cellY(y);
        return grid.inGrid(ix, iy) ? clearance(iy * w + ix) : 0;
    }

    /** Whether an occupied cell centre lies within {@code radius} of cell {@code k}'s centre (inclusive, exact). */
    public boolean isLethal(int k, double radius) {
        current();
        return d2[k] <= squaredCells(radius);
    }

    public boolean isLethal(int ix, int iy, double radius) {
        return grid.inGrid(ix, iy) && isLethal(iy * w + ix, radius);
    }

    /**
     * Row-major: whether each cell is lethal for {@code radius}, exactly as {@link #isLethal} says,
     * without the distance transform: each occupied cell's disc of that radius stamped (cheap when
     * only passability at one radius is asked, as the world model's own frontier search asks on
     * every changed grid). Cached for the grid's version and the radius; do not modify.
     */
    public boolean[] lethalMask(double radius) {
        if (mask == null || maskVersion != grid.version() || maskRadius != radius) stampMask(radius);
        return mask;
    }

    private boolean[] mask;
    private long maskVersion = -1;
    private double maskRadius = Double.NaN;

    private void stampMask(double radius) {
        if (mask == null) mask = new boolean[w * h];
        else Arrays.fill(mask, false);
        maskVersion = grid.version();
        maskRadius = radius;
        double r2 = squaredCells(radius);
        int r = (int) Math.floor(Math.sqrt(r2));
        int[] b = grid.touchedBounds(); // nothing outside was ever updated, so nothing there is occupied
        if (b == null) return;
        for (int iy = b[1]; iy <= b[3]; iy++)
            for (int ix = b[0]; ix <= b[2]; ix++) {
                if (!grid.isOccupied(ix, iy)) continue;
                for (int dy = -r; dy <= r; dy++) {
                    int y = iy + dy;
                    if (y < 0 || y >= h) continue;
                    for (int dx = -r; dx <= r; dx++) {
                        int x = ix + dx;
                        if (x >= 0 && x < w && dx * dx + dy * dy <= r2) mask[y * w + x] = true;
                    }
                }
            }
    }

    /** The squared radius in cells that {@link #isLethal} compares with. */
    double squaredCells(double radius) {
        double r = radius / grid.resolution();
        return r * r;
    }

    /** The raw fields, current with the grid, row-major; do not modify. */
    int[] squaredDistances() {
        current();
        return d2;
    }

    float[] metres() {
        current();
        return metres;
    }

    /** How many times the field was rebuilt (for benchmarks). */
    public long builds() { return builds; }

    private void current() {
        if (builtAtVersion != grid.version()) rebuild();
    }

    private void rebuild() {
        builtAtVersion = grid.version();
        builds++;
        int[] b = grid.touchedBounds();
        if (b == null) return; // nothing occupied: everything stays +Infinity
        int x0 = Math.max(0, b[0] - RIM), y0 = Math.max(0, b[1] - RIM);
        int x1 = Math.min(w - 1, b[2] + RIM), y1 = Math.min(h - 1, b[3] + RIM);
        int ww = x1 - x0 + 1, wh = y1 - y0 + 1, n = Math.max(ww, wh);
        if (f.length < ww * wh) f = new double[ww * wh];
        if (line.length < n) { line = new double[n]; out = new double[n]; z = new double[n + 1]; v = new int[n]; }
        for (int j = 0; j < wh; j++)
            for (int i = 0; i < ww; i++) f[j * ww + i] = grid.isOccupied(x0 + i, y0 + j) ? 0 : INF;
        for (int i = 0; i < ww; i++) {
            for (int j = 0; j < wh; j++) line[j] = f[j * ww + i];
            edt1d(line, wh, out, v, z);
            for (int j = 0; j < wh; j++) f[j * ww + i] = out[j];
        }
        double res = grid.resolution();
        for (int j = 0; j < wh; j++) {
            System.arraycopy(f, j * ww, line, 0, ww);
            edt1d(line, ww, out, v, z);
            int row = (y0 + j) * w + x0;
            for (int i = 0; i < ww; i++) {
                double q = out[i];
                boolean none = q >= INF / 2;
                d2[row + i] = none ? Integer.MAX_VALUE : (int) q;
                metres[row + i] = none ? Float.POSITIVE_INFINITY : (float) (Math.sqrt(q) * res);
            }
        }
    }

    /** One-dimensional squared distance transform of {@code f[0..n)} into {@code d} (lower envelope of parabolas). */
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
}
