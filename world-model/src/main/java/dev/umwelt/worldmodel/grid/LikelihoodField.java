package dev.umwelt.worldmodel.grid;

/**
 * A smoothed occupied-likelihood over an {@link OccupancyGrid}: each cell holds
 * {@code max over occupied cells c of exp(-d(c)^2 / 2 sigma^2)}, cut at {@code 3 sigma}. Kept
 * up to date incrementally: a cell that became occupied stamps its kernel; around a cell that
 * stopped being occupied the field is recomputed locally (see {@link #update}). Bilinearly interpolated
 * on lookup so the matcher's fine search sees a continuous surface.
 */
public final class LikelihoodField {
    private final OccupancyGrid grid;
    private final int width, height, radius;
    private final float[] kernel, field;
    private final int kside;
    private final double originX, originY, invRes;
    private long rebuilds, repairs;

    public LikelihoodField(OccupancyGrid grid, double sigma) {
        this.grid = grid;
        this.width = grid.width();
        this.height = grid.height();
        this.originX = grid.originX();
        this.originY = grid.originY();
        this.invRes = 1 / grid.resolution();
        this.radius = Math.max(1, (int) Math.ceil(3 * sigma / grid.resolution()));
        this.kside = 2 * radius + 1;
        this.kernel = new float[kside * kside];
        double s2 = sigma * sigma, res = grid.resolution();
        for (int dy = -radius; dy <= radius; dy++)
            for (int dx = -radius; dx <= radius; dx++) {
                double d2 = (dx * dx + dy * dy) * res * res;
                kernel[(dy + radius) * kside + dx + radius] = d2 > 9 * s2 ? 0f : (float) Math.exp(-d2 / (2 * s2));
            }
        this.field = new float[width * height];
        rebuild();
    }

    /**
     * Brings the field up to date with the grid's occupied cells: a newly occupied cell stamps its
     * kernel; around cleared cells the field is recomputed locally (see {@link #repair}), unless so
     * many cells cleared that a full rebuild is cheaper. Scan noise clears a few wall cells in most
     * scans, and full rebuilds on every clear cost ~1/6 of the full simulated loop.
     */
    public void update() {
        int[] changes = grid.drainChanges();
        int cleared = 0;
        for (int c : changes) if (c < 0) cleared++;
        int[] b = grid.touchedBounds();
        long repairCost = (long) cleared * (4 * radius + 1) * (4 * radius + 1);
        if (b != null && repairCost > (long) (b[2] - b[0] + 1) * (b[3] - b[1] + 1)) { rebuild(); return; }
        // cleared cells come in beam order, so neighbours along a wall share one repair rectangle
        int x0 = 0, y0 = 0, x1 = -1, y1 = -1;
        for (int c : changes) {
            if (c >= 0) continue;
            int k = -c - 1, cx = k % width, cy = k / width;
            if (x1 >= x0 && cx >= x0 - radius && cx <= x1 + radius && cy >= y0 - radius && cy <= y1 + radius) {
                x0 = Math.min(x0, cx); x1 = Math.max(x1, cx); y0 = Math.min(y0, cy); y1 = Math.max(y1, cy);
                continue;
            }
            if (x1 >= x0) repair(x0, y0, x1, y1);
            x0 = x1 = cx;
            y0 = y1 = cy;
        }
        if (x1 >= x0) repair(x0, y0, x1, y1);
        for (int c : changes) if (c >= 0 && grid.isOccupied(c % width, c / width)) stamp(c % width, c / width);
        repairs += cleared;
    }

    /**
     * Recomputes the field exactly where cells in [cx0, cx1] x [cy0, cy1] stopped being occupied:
     * zeroes the rectangle grown by the kernel radius, then every occupied cell within a radius of
     * that re-stamps it (clipped to it).
     */
    private void repair(int cx0, int cy0, int cx1, int cy1) {
        int x0 = Math.max(0, cx0 - radius), x1 = Math.min(width - 1, cx1 + radius);
        int y0 = Math.max(0, cy0 - radius), y1 = Math.min(height - 1, cy1 + radius);
        for (int y = y0; y <= y1; y++) java.util.Arrays.fill(field, y * width + x0, y * width + x1 + 1, 0f);
        int sy0 = Math.max(0, y0 - radius), sy1 = Math.min(height - 1, y1 + radius);
        int sx0 = Math.max(0, x0 - radius), sx1 = Math.min(width - 1, x1 + radius);
        for (int oy = sy0; oy <= sy1; oy++)
            for (int ox = sx0; ox <= sx1; ox++)
                if (grid.isOccupied(ox, oy)) stamp(ox, oy, x0, y0, x1, y1);
    }

    /**
     * Recomputes the field inside the grid's touched rectangle (grown by the kernel radius): no
     * cell outside it was ever occupied, so the field there is and stays 0. On a 30 m x 30 m grid
     * of which a 10 m apartment is seen that is ~1/9 of the cells.
     */
    private void rebuild() {
        grid.drainChanges();
        int[] b = grid.touchedBounds();
        if (b != null) {
            int x0 = Math.max(0, b[0] - radius), x1 = Math.min(width - 1, b[2] + radius);
            int y0 = Math.max(0, b[1] - radius), y1 = Math.min(height - 1, b[3] + radius);
            for (int y = y0; y <= y1; y++) java.util.Arrays.fill(field, y * width + x0, y * width + x1 + 1, 0f);
            for (int iy = b[1]; iy <= b[3]; iy++)
                for (int ix = b[0]; ix <= b[2]; ix++)
                    if (grid.isOccupied(ix, iy)) stamp(ix, iy);
        }
        rebuilds++;
    }

    private void stamp(int cx, int cy) {
        stamp(cx, cy, 0, 0, width - 1, height - 1);
    }

    /** Raises the field to occupied cell (cx, cy)'s kernel, inside the rectangle [x0, x1] x [y0, y1] only. */
    private void stamp(int cx, int cy, int x0, int y0, int x1, int y1) {
        y0 = Math.max(y0, cy - radius);
        y1 = Math.min(y1, cy + radius);
        x0 = Math.max(x0, cx - radius);
        x1 = Math.min(x1, cx + radius);
        for (int y = y0; y <= y1; y++) {
            int krow = (y - cy + radius) * kside + radius - cx, row = y * width;
            for (int x = x0; x <= x1; x++) {
                float k = kernel[krow + x];
                if (k > field[row + x]) field[row + x] = k;
            }
        }
    }

    /** Likelihood at a map point, bilinear between cell centres; 0 outside the grid. */
    public double at(double x, double y) {
        return atCell(cellU(x), cellV(y));
    }

    /** x in the field's continuous cell units (cell centres at integers), for {@link #atCell}. */
    public double cellU(double x) { return (x - originX) * invRes - 0.5; }
    public double cellV(double y) { return (y - originY) * invRes - 0.5; }

    /**
     * {@link #at} in cell units ({@link #cellU}, {@link #cellV}): the scan matcher's inner loop,
     * which adds rotated endpoints in cells to a pose's offset and so skips a division per lookup.
     */
    public double atCell(double u, double v) {
        if (!(u >= 0 && v >= 0)) return 0; // also NaN; below: truncation is floor for u, v >= 0
        int i = (int) u, j = (int) v;
        if (i + 1 >= width || j + 1 >= height) return 0;
        double fu = u - i, fv = v - j;
        int k = j * width + i;
        return (1 - fv) * ((1 - fu) * field[k] + fu * field[k + 1])
                + fv * ((1 - fu) * field[k + width] + fu * field[k + width + 1]);
    }

    public double resolution() { return grid.resolution(); }

    /** Cleared cells repaired locally so far (for the benchmark). */
    public long repairs() { return repairs; }

    /** Full rebuilds so far (for tests and the benchmark). */
    public long rebuilds() { return rebuilds; }
}
