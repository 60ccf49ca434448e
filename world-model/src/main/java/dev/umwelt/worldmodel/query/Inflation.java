package dev.umwelt.worldmodel.query;

import dev.umwelt.worldmodel.grid.OccupancyGrid;

/**
 * The grid's occupied cells grown by the robot's radius: a cell is lethal when an occupied cell's
 * centre lies within {@code radius} of its centre, i.e. the robot centred there would touch it.
 * Rebuilt lazily when the grid has integrated new scans (the grid only changes then).
 */
public final class Inflation {
    private final OccupancyGrid grid;
    private final double radius;
    private final int[] discDx, discDy;
    private boolean[] lethal;
    private long builtAtVersion = -1;
    private long builds;

    public Inflation(OccupancyGrid grid, double radius) {
        if (!(radius >= 0)) throw new IllegalArgumentException("radius must be >= 0: " + radius);
        this.grid = grid;
        this.radius = radius;
        int r = (int) Math.ceil(radius / grid.resolution());
        double r2 = Math.pow(radius / grid.resolution(), 2);
        int n = 0;
        int[] dx = new int[(2 * r + 1) * (2 * r + 1)], dy = new int[dx.length];
        for (int y = -r; y <= r; y++)
            for (int x = -r; x <= r; x++)
                if (x * x + y * y <= r2) { dx[n] = x; dy[n] = y; n++; }
        discDx = java.util.Arrays.copyOf(dx, n);
        discDy = java.util.Arrays.copyOf(dy, n);
    }

    /** Row-major lethal mask, current with the grid. Do not modify. */
    public boolean[] lethal() {
        if (builtAtVersion != grid.version() || lethal == null) rebuild();
        return lethal;
    }

    public boolean isLethal(int ix, int iy) {
        return grid.inGrid(ix, iy) && lethal()[iy * grid.width() + ix];
    }

    public double radius() { return radius; }
    public OccupancyGrid grid() { return grid; }
    /** How many times the mask was rebuilt (for benchmarks). */
    public long builds() { return builds; }

    private void rebuild() {
        int w = grid.width(), h = grid.height();
        boolean[] m = lethal != null && lethal.length == w * h ? lethal : new boolean[w * h];
        java.util.Arrays.fill(m, false);
        int[] b = grid.touchedBounds(); // nothing outside was ever updated, so nothing there is occupied
        if (b == null) b = new int[] {0, 0, -1, -1};
        for (int iy = b[1]; iy <= b[3]; iy++)
            for (int ix = b[0]; ix <= b[2]; ix++) {
                if (!grid.isOccupied(ix, iy)) continue;
                for (int k = 0; k < discDx.length; k++) {
                    int x = ix + discDx[k], y = iy + discDy[k];
                    if (x >= 0 && y >= 0 && x < w && y < h) m[y * w + x] = true;
                }
            }
        lethal = m;
        builtAtVersion = grid.version();
        builds++;
    }
}
