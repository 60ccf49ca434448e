package dev.umwelt.sim.lidar;

/**
 * Casts rays against {@link StaticGeometry} through a uniform grid (Amanatides-Woo DDA),
 * stopping at the first cell whose best hit lies within it. In doubles and exact: a grid
 * cell lists every primitive that touches it (inflated by {@link #EPS}), so the traversal
 * finds the same nearest hit a brute-force loop would.
 *
 * <p>Cells are stored CSR-style ({@code cellStart}, {@code items}) for a cache-friendly hot
 * loop; item ids below {@code boxCount} are boxes, the rest circles.
 */
public final class StaticRayCaster {
    public static final double DEFAULT_CELL = 0.5;
    /** Primitive tests per beam up to which {@link #castFan} sweeps rather than traverses (see there). */
    public static final double DEFAULT_SWEEP_LIMIT = 12;
    private static final double EPS = 1e-7;

    private final StaticGeometry g;
    private final double cell, inv, x0, y0;
    private final int nx, ny;
    private final int[] cellStart, items;
    // Mailbox: the ray that last tested each primitive, so a wall spanning many cells is tested
    // once per ray. Makes the caster stateful: one per simulator, used from one thread.
    private final int[] testedBy;
    private int ray;
    // castFan: each primitive's bounding circle (x, y, r; boxes first, then circles), the sweep's
    // budget in primitive tests per beam, and scratch for the beam range of each primitive.
    private final double[] bound;
    private final double sweepLimit;
    private int[] fanId = new int[16], fanFrom = new int[16], fanTo = new int[16];

    public StaticRayCaster(StaticGeometry geometry, double cellSize) {
        this(geometry, cellSize, DEFAULT_SWEEP_LIMIT);
    }

    /**
     * {@code sweepLimit}: {@link #castFan} sweeps the primitives while that costs at most this
     * many primitive tests per beam, else it traverses the grid per beam (0: always the grid).
     */
    public StaticRayCaster(StaticGeometry geometry, double cellSize, double sweepLimit) {
        this.g = geometry;
        this.sweepLimit = sweepLimit;
        this.cell = cellSize;
        this.inv = 1 / cellSize;
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        double[] corners = new double[8];
        for (int b = 0; b < g.boxCount; b++) {
            corners(b, corners);
            for (int k = 0; k < 8; k += 2) {
                minX = Math.min(minX, corners[k]); maxX = Math.max(maxX, corners[k]);
                minY = Math.min(minY, corners[k + 1]); maxY = Math.max(maxY, corners[k + 1]);
            }
        }
        double[] cl = g.circle;
        for (int o = 0; o < cl.length; o += StaticGeometry.CIRCLE) {
            minX = Math.min(minX, cl[o] - cl[o + 2]); maxX = Math.max(maxX, cl[o] + cl[o + 2]);
            minY = Math.min(minY, cl[o + 1] - cl[o + 2]); maxY = Math.max(maxY, cl[o + 1] + cl[o + 2]);
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
        testedBy = new int[g.boxCount + g.circleCount];
        bound = new double[3 * (g.boxCount + g.circleCount)];
        for (int b = 0; b < g.boxCount; b++) {
            int o = StaticGeometry.BOX * b;
            bound[3 * b] = g.box[o]; bound[3 * b + 1] = g.box[o + 1];
            bound[3 * b + 2] = Math.hypot(g.box[o + 4], g.box[o + 5]) * (1 + 1e-9) + EPS;
        }
        for (int c = 0; c < g.circleCount; c++) {
            int o = StaticGeometry.CIRCLE * c, b = 3 * (g.boxCount + c);
            bound[b] = g.circle[o]; bound[b + 1] = g.circle[o + 1]; bound[b + 2] = g.circle[o + 2] * (1 + 1e-9) + EPS;
        }
    }

    public static StaticRayCaster of(StaticGeometry geometry) {
        return new StaticRayCaster(geometry, DEFAULT_CELL);
    }

    /** Box b's corners c + (+-hl) u + (+-hw) v as (x, y) pairs, in order around the box. */
    private void corners(int b, double[] out) {
        double[] bx = g.box;
        int o = StaticGeometry.BOX * b;
        double cx = bx[o], cy = bx[o + 1], ux = bx[o + 2] * bx[o + 4], uy = bx[o + 3] * bx[o + 4];
        double vx = -bx[o + 3] * bx[o + 5], vy = bx[o + 2] * bx[o + 5];
        out[0] = cx - ux - vx; out[1] = cy - uy - vy;
        out[2] = cx + ux - vx; out[3] = cy + uy - vy;
        out[4] = cx + ux + vx; out[5] = cy + uy + vy;
        out[6] = cx - ux + vx; out[7] = cy - uy + vy;
    }

    /**
     * Counts (out == null) or writes each primitive's id into every cell it touches. A box is
     * listed in the cells its four edges touch, once each: the ray's hit (entry, or exit from
     * inside) is always on an edge, which is all the early stop of the traversal relies on.
     */
    private void rasterize(int[] cursor, int[] out) {
        int[] lastBox = new int[nx * ny];
        java.util.Arrays.fill(lastBox, -1);
        double[] k = new double[8];
        for (int b = 0; b < g.boxCount; b++) {
            corners(b, k);
            for (int e = 0; e < 8; e += 2) {
                double ax = k[e], ay = k[e + 1], ex = k[(e + 2) % 8] - ax, ey = k[(e + 3) % 8] - ay;
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
                    for (int i = col(xa - EPS); i <= col(xb + EPS); i++) {
                        int c = j * nx + i;
                        if (lastBox[c] == b) continue; // another edge of this box already put it here
                        lastBox[c] = b;
                        put(cursor, out, c, b);
                    }
                }
            }
        }
        double[] cl = g.circle;
        for (int c = 0; c < g.circleCount; c++) {
            int o = StaticGeometry.CIRCLE * c;
            double r = cl[o + 2] + EPS;
            for (int j = row(cl[o + 1] - r); j <= row(cl[o + 1] + r); j++) {
                for (int i = col(cl[o] - r); i <= col(cl[o] + r); i++) put(cursor, out, j * nx + i, g.boxCount + c);
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
        final int nBox = g.boxCount;
        final int[] start = cellStart, list = items, tested = testedBy;
        final double[] boxes = g.box, circles = g.circle;
        final int me = ++ray;
        if (me == Integer.MAX_VALUE) { java.util.Arrays.fill(tested, 0); ray = 0; }
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            int c = j * nx + i;
            for (int k = start[c], end = start[c + 1]; k < end; k++) {
                int id = list[k];
                if (tested[id] == me) continue;
                tested[id] = me;
                double t = id < nBox
                        ? StaticGeometry.rayBox(boxes, StaticGeometry.BOX * id, ox, oy, dx, dy)
                        : StaticGeometry.rayCircle(circles, StaticGeometry.CIRCLE * (id - nBox), ox, oy, dx, dy);
                if (t < best) best = t;
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

    /**
     * {@link #cast} for a fan of beams from one origin, as a lidar scan is: beam i points along the
     * unit (dx[i], dy[i]), at angle {@code angle0 + i * increment} (radians, to well within one
     * increment); {@code out[i]} gets exactly what {@code cast} returns for it.
     *
     * <p>Why: the grid traversal costs ~7 cells per beam, each a hard-to-predict branch, while a
     * primitive within range usually blocks only a few dozen neighbouring beams. So, per scan,
     * each primitive whose bounding circle is within range gets the beam range its circle
     * subtends (plus one beam either side), and is tested against those beams only: the
     * nearest hit over a superset of the primitives a beam can hit is the brute-force answer,
     * bit for bit. When the primitives in range would cost more than {@code sweepLimit} tests
     * per beam (a big open world, or a spot where many walls surround the laser), the beams go
     * through the grid instead, which gives the same answer.
     */
    public void castFan(double ox, double oy, double angle0, double increment, double[] dx, double[] dy,
                        double maxRange, double[] out) {
        int n = out.length;
        int ranges = increment > 0 && n > 1 ? collectFan(ox, oy, angle0, increment, n, maxRange) : -1;
        if (ranges < 0) {
            for (int i = 0; i < n; i++) out[i] = cast(ox, oy, dx[i], dy[i], maxRange);
            return;
        }
        java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
        final int nBox = g.boxCount;
        final double[] boxes = g.box, circles = g.circle;
        for (int r = 0; r < ranges; r++) {
            int id = fanId[r], to = fanTo[r];
            if (id < nBox) {
                int o = StaticGeometry.BOX * id;
                for (int i = fanFrom[r]; i <= to; i++) {
                    double t = StaticGeometry.rayBox(boxes, o, ox, oy, dx[i], dy[i]);
                    if (t < out[i]) out[i] = t;
                }
            } else {
                int o = StaticGeometry.CIRCLE * (id - nBox);
                for (int i = fanFrom[r]; i <= to; i++) {
                    double t = StaticGeometry.rayCircle(circles, o, ox, oy, dx[i], dy[i]);
                    if (t < out[i]) out[i] = t;
                }
            }
        }
        for (int i = 0; i < n; i++) if (out[i] > maxRange) out[i] = Double.POSITIVE_INFINITY;
    }

    /**
     * Fills fanId/fanFrom/fanTo with the beam ranges (inclusive, within [0, n)) that each
     * primitive within maxRange may hit; returns how many, or -1 when the sweep would cost more
     * than sweepLimit tests per beam. Skipping a primitive is exact: beyond maxRange its hit
     * would be dropped anyway, outside its subtended angle (plus a beam) the ray misses it.
     */
    private int collectFan(double ox, double oy, double angle0, double increment, int n, double maxRange) {
        final double twoPi = 2 * Math.PI, span = (n - 1) * increment;
        long budget = (long) (sweepLimit * n);
        int count = 0;
        for (int id = 0, b = 0; b < bound.length; id++, b += 3) {
            double px = bound[b] - ox, py = bound[b + 1] - oy, rad = bound[b + 2];
            double dist = Math.sqrt(px * px + py * py);
            if (dist - rad > maxRange) continue;
            if (dist <= rad * 1.001) { // the laser is (nearly) inside the circle: every beam
                budget -= n;
                if (budget < 0) return -1;
                count = addFan(count, id, 0, n - 1);
                continue;
            }
            double half = Math.asin(rad / dist);
            double rel = Math.atan2(py, px) - angle0;
            rel -= twoPi * Math.floor(rel / twoPi); // [0, 2 pi): beam 0 is at 0
            // The circle at rel - 2 pi, rel and rel + 2 pi, for fans that wrap or overlap themselves.
            for (double centre = rel - twoPi; centre - half <= span + increment; centre += twoPi) {
                int from = Math.max(0, (int) Math.floor((centre - half) / increment) - 1);
                int to = (int) Math.min(n - 1, Math.ceil((centre + half) / increment) + 1);
                if (from > to) continue;
                budget -= to - from + 1;
                if (budget < 0) return -1;
                count = addFan(count, id, from, to);
            }
        }
        return count;
    }

    private int addFan(int count, int id, int from, int to) {
        if (count == fanId.length) {
            fanId = java.util.Arrays.copyOf(fanId, 2 * count);
            fanFrom = java.util.Arrays.copyOf(fanFrom, 2 * count);
            fanTo = java.util.Arrays.copyOf(fanTo, 2 * count);
        }
        fanId[count] = id; fanFrom[count] = from; fanTo[count] = to;
        return count + 1;
    }

    /** Reference: the nearest hit over every primitive, no grid (tests compare against it). */
    public double castBruteForce(double ox, double oy, double dx, double dy, double maxRange) {
        double best = Double.POSITIVE_INFINITY;
        for (int o = 0; o < g.box.length; o += StaticGeometry.BOX) {
            best = Math.min(best, StaticGeometry.rayBox(g.box, o, ox, oy, dx, dy));
        }
        for (int o = 0; o < g.circle.length; o += StaticGeometry.CIRCLE) {
            best = Math.min(best, StaticGeometry.rayCircle(g.circle, o, ox, oy, dx, dy));
        }
        return best <= maxRange ? best : Double.POSITIVE_INFINITY;
    }
}
