package dev.umwelt.worldmodel.grid;

/**
 * A smoothed occupied-likelihood over an {@link OccupancyGrid}: each cell holds
 * {@code max over occupied cells c of exp(-d(c)^2 / 2 sigma^2)}, cut at {@code 3 sigma}. Kept
 * up to date incrementally: a cell that became occupied stamps its kernel; a cell that stopped
 * being occupied forces a full rebuild (rare: walls do not move often). Bilinearly interpolated
 * on lookup so the matcher's fine search sees a continuous surface.
 */
public final class LikelihoodField {
    private final OccupancyGrid grid;
    private final int width, height, radius;
    private final float[] kernel, field;
    private final int kside;
    private long rebuilds;

    public LikelihoodField(OccupancyGrid grid, double sigma) {
        this.grid = grid;
        this.width = grid.width();
        this.height = grid.height();
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

    /** Brings the field up to date with the grid's occupied cells. */
    public void update() {
        int[] changes = grid.drainChanges();
        for (int c : changes) if (c < 0) { rebuild(); return; }
        for (int c : changes) stamp(c % width, c / width);
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
        int y0 = Math.max(0, cy - radius), y1 = Math.min(height - 1, cy + radius);
        int x0 = Math.max(0, cx - radius), x1 = Math.min(width - 1, cx + radius);
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
        double u = (x - grid.originX()) / grid.resolution() - 0.5, v = (y - grid.originY()) / grid.resolution() - 0.5;
        int i = (int) Math.floor(u), j = (int) Math.floor(v);
        if (i < 0 || j < 0 || i + 1 >= width || j + 1 >= height) return 0;
        double fu = u - i, fv = v - j;
        int k = j * width + i;
        return (1 - fv) * ((1 - fu) * field[k] + fu * field[k + 1])
                + fv * ((1 - fu) * field[k + width] + fu * field[k + width + 1]);
    }

    /** Full rebuilds so far (for tests and the benchmark). */
    public long rebuilds() { return rebuilds; }
}
