package dev.umwelt.sim.lidar;

/**
 * Casts rays against {@link StaticGeometry} through a uniform grid (Amanatides-Woo DDA),
 * stopping at the first cell whose best hit lies within it. In doubles and exact: a grid
 * cell lists every primitive that touches it (inflated by {@link #EPS}), so the traversal
 * finds the same nearest hit a brute-force loop would.
 *
 * <p>Cells are stored CSR-style ({@code cellStart}, {@code items}) for a cache-friendly hot
 * loop; item ids below {@code segmentCount} are segments, the rest circles.
 */
public final class StaticRayCaster {
    public static final double DEFAULT_CELL = 0.5;
    private static final double EPS = 1e-7;

    private final StaticGeometry g;
    private final double cell, inv, x0, y0;
    private final int nx, ny;
    private final int[] cellStart, items;
    // Segment i as (ax, ay, ex, ey) at [4i, 4i + 4): one cache line per test, not four arrays.
    private final double[] segs;
    // Mailbox: the ray that last tested each primitive, so a wall spanning many cells is tested
    // once per ray. Makes the caster stateful: one per simulator, used from one thread.
    private final int[] testedBy;
    private int ray;

    public StaticRayCaster(StaticGeometry geometry, double cellSize) {
        this.g = geometry;
        this.cell = cellSize;
        this.inv = 1 / cellSize;
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        for (int i = 0; i < g.segmentCount; i++) {
            minX = Math.min(minX, Math.min(g.ax[i], g.ax[i] + g.ex[i]));
            maxX = Math.max(maxX, Math.max(g.ax[i], g.ax[i] + g.ex[i]));
            minY = Math.min(minY, Math.min(g.ay[i], g.ay[i] + g.ey[i]));
            maxY = Math.max(maxY, Math.max(g.ay[i], g.ay[i] + g.ey[i]));
        }
        for (int i = 0; i < g.circleCount; i++) {
            minX = Math.min(minX, g.cx[i] - g.cr[i]); maxX = Math.max(maxX, g.cx[i] + g.cr[i]);
            minY = Math.min(minY, g.cy[i] - g.cr[i]); maxY = Math.max(maxY, g.cy[i] + g.cr[i]);
        }
        if (minX > maxX) { minX = minY = 0; maxX = maxY = cellSize; }
        x0 = minX - cellSize; y0 = minY - cellSize;
        nx = (int) Math.ceil((maxX + cellSize - x0) * inv);
        ny = (int) Math.ceil((maxY + cellSize - y0) * inv);
        int[] counts = new int[nx * ny + 1];
        rasterize(counts, null);
        cellStart = new int[nx * ny + 1];
        for (int c = 0; c < nx * ny; c++) cellStart[c + 1] = cellStart[c] + counts[c];
        items = new int[cellStart[nx * ny]];
        int[] fill = new int[nx * ny + 1];
        System.arraycopy(cellStart, 0, fill, 0, nx * ny);
        rasterize(fill, items);
        testedBy = new int[g.segmentCount + g.circleCount];
        segs = new double[4 * g.segmentCount];
        for (int s = 0; s < g.segmentCount; s++) {
            segs[4 * s] = g.ax[s]; segs[4 * s + 1] = g.ay[s]; segs[4 * s + 2] = g.ex[s]; segs[4 * s + 3] = g.ey[s];
        }
    }

    public static StaticRayCaster of(StaticGeometry geometry) {
        return new StaticRayCaster(geometry, DEFAULT_CELL);
    }

    /** Counts (items == null) or writes each primitive's id into every cell it touches. */
    private void rasterize(int[] cursor, int[] out) {
        for (int s = 0; s < g.segmentCount; s++) {
            double ax = g.ax[s], ay = g.ay[s], ex = g.ex[s], ey = g.ey[s];
            int j0 = row(Math.min(ay, ay + ey) - EPS), j1 = row(Math.max(ay, ay + ey) + EPS);
            for (int j = j0; j <= j1; j++) {
                double lo = y0 + j * cell - EPS, hi = lo + cell + 2 * EPS;
                double xa, xb;
                if (Math.abs(ey) < 1e-12) {
                    xa = Math.min(ax, ax + ex); xb = Math.max(ax, ax + ex);
                } else {
                    double t1 = (lo - ay) / ey, t2 = (hi - ay) / ey;
                    double ta = Math.max(0, Math.min(t1, t2)), tb = Math.min(1, Math.max(t1, t2));
                    if (ta > tb) continue;
                    xa = Math.min(ax + ta * ex, ax + tb * ex); xb = Math.max(ax + ta * ex, ax + tb * ex);
                }
                for (int i = col(xa - EPS); i <= col(xb + EPS); i++) put(cursor, out, j * nx + i, s);
            }
        }
        for (int c = 0; c < g.circleCount; c++) {
            double r = g.cr[c] + EPS;
            for (int j = row(g.cy[c] - r); j <= row(g.cy[c] + r); j++) {
                for (int i = col(g.cx[c] - r); i <= col(g.cx[c] + r); i++) put(cursor, out, j * nx + i, g.segmentCount + c);
            }
        }
    }

    private static void put(int[] cursor, int[] out, int cellIndex, int id) {
        if (out != null) out[cursor[cellIndex]] = id;
        cursor[cellIndex]++;
    }

    private int col(double x) {
        return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) * inv)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) * inv)));
    }

    /**
     * Distance from (ox, oy) along the unit direction (dx, dy) to the nearest static surface,
     * or +Inf when there is none within {@code maxRange}. Allocation-free.
     */
    public double cast(double ox, double oy, double dx, double dy, double maxRange) {
        // Two reciprocals instead of eight divisions. Slightly different rounding of the cell
        // boundaries does not matter: primitives are rasterized into cells inflated by EPS.
        double invDx = 1 / dx, invDy = 1 / dy; // +-Inf for an axis-parallel ray, never used then
        // Clip the ray to the grid's box (slab method).
        double gx1 = x0 + nx * cell, gy1 = y0 + ny * cell;
        double tEnter = 0, tExit = maxRange;
        if (dx != 0) {
            double ta = (x0 - ox) * invDx, tb = (gx1 - ox) * invDx;
            tEnter = Math.max(tEnter, Math.min(ta, tb)); tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (ox < x0 || ox > gx1) {
            return Double.POSITIVE_INFINITY;
        }
        if (dy != 0) {
            double ta = (y0 - oy) * invDy, tb = (gy1 - oy) * invDy;
            tEnter = Math.max(tEnter, Math.min(ta, tb)); tExit = Math.min(tExit, Math.max(ta, tb));
        } else if (oy < y0 || oy > gy1) {
            return Double.POSITIVE_INFINITY;
        }
        if (tEnter > tExit) return Double.POSITIVE_INFINITY;

        int i = col(ox + tEnter * dx), j = row(oy + tEnter * dy);
        int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
        double tMaxX = dx == 0 ? Double.POSITIVE_INFINITY : (x0 + (i + (dx > 0 ? 1 : 0)) * cell - ox) * invDx;
        double tMaxY = dy == 0 ? Double.POSITIVE_INFINITY : (y0 + (j + (dy > 0 ? 1 : 0)) * cell - oy) * invDy;
        double tDeltaX = dx == 0 ? Double.POSITIVE_INFINITY : cell * Math.abs(invDx);
        double tDeltaY = dy == 0 ? Double.POSITIVE_INFINITY : cell * Math.abs(invDy);

        // Locals for the hot loop: the JIT keeps them in registers and drops repeated field loads.
        final int nSeg = g.segmentCount;
        final int[] start = cellStart, list = items, tested = testedBy;
        final double[] seg = segs;
        final int me = ++ray;
        if (me == Integer.MAX_VALUE) { java.util.Arrays.fill(tested, 0); ray = 0; }
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            int c = j * nx + i;
            for (int k = start[c], end = start[c + 1]; k < end; k++) {
                int id = list[k];
                if (tested[id] == me) continue;
                tested[id] = me;
                if (id < nSeg) {
                    // Same arithmetic as StaticGeometry.raySegment (the brute-force reference).
                    int o = id << 2;
                    double sx = seg[o] - ox, sy = seg[o + 1] - oy, ex = seg[o + 2], ey = seg[o + 3];
                    double denom = dx * ey - dy * ex;
                    double un = sx * dy - sy * dx;
                    if (denom > 0 ? (un < 0 || un > denom) : (denom == 0 || un > 0 || un < denom)) continue;
                    double t = (sx * ey - sy * ex) / denom;
                    if (t >= 0 && t < best) best = t;
                } else {
                    double t = g.rayCircle(id - nSeg, ox, oy, dx, dy);
                    if (t < best) best = t;
                }
            }
            double cellExit = Math.min(tMaxX, tMaxY);
            if (best <= cellExit || cellExit >= tExit) break;
            if (tMaxX < tMaxY) {
                i += stepX;
                if (i < 0 || i >= nx) break;
                tMaxX += tDeltaX;
            } else {
                j += stepY;
                if (j < 0 || j >= ny) break;
                tMaxY += tDeltaY;
            }
        }
        return best <= maxRange ? best : Double.POSITIVE_INFINITY;
    }

    /** Reference: the nearest hit over every primitive, no grid (tests compare against it). */
    public double castBruteForce(double ox, double oy, double dx, double dy, double maxRange) {
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < g.segmentCount; s++) best = Math.min(best, g.raySegment(s, ox, oy, dx, dy));
        for (int c = 0; c < g.circleCount; c++) best = Math.min(best, g.rayCircle(c, ox, oy, dx, dy));
        return best <= maxRange ? best : Double.POSITIVE_INFINITY;
    }
}
