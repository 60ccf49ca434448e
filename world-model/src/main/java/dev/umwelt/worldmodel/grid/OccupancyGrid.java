package dev.umwelt.worldmodel.grid;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;

import java.util.Arrays;

/**
 * The project's one occupancy grid: log-odds per cell, fixed resolution, sized to fixed bounds
 * in the {@code map} frame (REP-105). Cells outside the bounds are never updated and read as
 * unknown. Lidar beams are ray-traced cell by cell (Amanatides-Woo DDA): every cell a beam
 * crosses before its endpoint gets the free update, the endpoint cell of a finite return the
 * occupied update. REP-117: {@code +Inf} (no return within range) marks free up to
 * {@code rangeMax}; {@code -Inf} (too close) and NaN are skipped. Log-odds are clamped so the
 * map can still change its mind.
 */
public final class OccupancyGrid {
    public static final double DEFAULT_RESOLUTION = 0.05;
    /** Log-odds increments and clamp, probability thresholds. */
    public static final float L_OCC = 0.85f, L_FREE = -0.4f, L_MIN = -4f, L_MAX = 4f;
    public static final double P_OCCUPIED = 0.65, P_FREE = 0.35;
    private static final float LO_OCC = (float) Math.log(P_OCCUPIED / (1 - P_OCCUPIED));
    private static final float LO_FREE = (float) Math.log(P_FREE / (1 - P_FREE));

    private final double originX, originY, resolution;
    private final int width, height;
    private final float[] logOdds;
    /** Cells whose occupied state flipped since the last {@link #drainChanges}: +index became occupied, -(index+1) cleared. */
    private int[] changes = new int[256];
    private int changeCount;
    private long scans, version;
    /** Cells currently free, kept as cells flip (the explored area without a scan of the grid). */
    private int freeCells;
    /** The rectangle of cells any update has touched (inclusive; empty while minTouchedX > maxTouchedX). */
    private int minTouchedX = Integer.MAX_VALUE, minTouchedY = Integer.MAX_VALUE, maxTouchedX = -1, maxTouchedY = -1;

    /** A grid whose cell (0,0) has its lower-left corner at (originX, originY). */
    public OccupancyGrid(double originX, double originY, int width, int height, double resolution) {
        if (width <= 0 || height <= 0 || !(resolution > 0)) throw new IllegalArgumentException("bad grid size");
        this.originX = originX;
        this.originY = originY;
        this.width = width;
        this.height = height;
        this.resolution = resolution;
        this.logOdds = new float[width * height];
    }

    /** A grid at {@code resolution} covering the rectangle [minX,maxX] x [minY,maxY]. */
    public static OccupancyGrid covering(double minX, double minY, double maxX, double maxY, double resolution) {
        int w = (int) Math.ceil((maxX - minX) / resolution), h = (int) Math.ceil((maxY - minY) / resolution);
        return new OccupancyGrid(minX, minY, Math.max(1, w), Math.max(1, h), resolution);
    }

    /** Integrates one scan seen from {@code laserPoseInMap} (the laser frame's pose in map). */
    public void integrate(LidarScan scan, Pose2D laserPoseInMap) {
        double ox = laserPoseInMap.x(), oy = laserPoseInMap.y(), yaw = laserPoseInMap.yaw();
        double rangeMax = scan.rangeMax();
        float[] ranges = scan.ranges();
        for (int i = 0; i < ranges.length; i++) {
            float r = ranges[i];
            if (Float.isNaN(r) || r == Float.NEGATIVE_INFINITY) continue;
            boolean hit = r != Float.POSITIVE_INFINITY && r <= rangeMax;
            if (hit && r < scan.rangeMin()) continue;
            double len = hit ? r : rangeMax;
            double a = yaw + scan.angleOf(i);
            trace(ox, oy, ox + len * Math.cos(a), oy + len * Math.sin(a), hit);
        }
        scans++;
        version++;
    }

    private void trace(double x0, double y0, double x1, double y1, boolean hit) {
        double gx0 = (x0 - originX) / resolution, gy0 = (y0 - originY) / resolution;
        double gx1 = (x1 - originX) / resolution, gy1 = (y1 - originY) / resolution;
        int ix = (int) Math.floor(gx0), iy = (int) Math.floor(gy0);
        int ex = (int) Math.floor(gx1), ey = (int) Math.floor(gy1);
        double dx = gx1 - gx0, dy = gy1 - gy0;
        int stepX = dx > 0 ? 1 : -1, stepY = dy > 0 ? 1 : -1;
        double tDeltaX = dx != 0 ? 1 / Math.abs(dx) : Double.POSITIVE_INFINITY;
        double tDeltaY = dy != 0 ? 1 / Math.abs(dy) : Double.POSITIVE_INFINITY;
        double tMaxX = dx > 0 ? (ix + 1 - gx0) / dx : dx < 0 ? (gx0 - ix) / -dx : Double.POSITIVE_INFINITY;
        double tMaxY = dy > 0 ? (iy + 1 - gy0) / dy : dy < 0 ? (gy0 - iy) / -dy : Double.POSITIVE_INFINITY;
        touch(Math.min(ix, ex), Math.min(iy, ey), Math.max(ix, ex), Math.max(iy, ey));
        int n = Math.abs(ex - ix) + Math.abs(ey - iy);
        for (int k = 0; k < n; k++) {
            update(ix, iy, L_FREE);
            if (tMaxX < tMaxY) { ix += stepX; tMaxX += tDeltaX; } else { iy += stepY; tMaxY += tDeltaY; }
        }
        update(ex, ey, hit ? L_OCC : L_FREE);
    }

    private void update(int ix, int iy, float delta) {
        if (ix < 0 || iy < 0 || ix >= width || iy >= height) return;
        int k = iy * width + ix;
        float before = logOdds[k];
        // most cells a beam crosses are long since clamped free: nothing changes, nothing to track
        if (before == L_MIN && delta <= 0 || before == L_MAX && delta >= 0) return;
        float after = Math.max(L_MIN, Math.min(L_MAX, before + delta));
        logOdds[k] = after;
        boolean wasFree = before < LO_FREE, isFree = after < LO_FREE;
        if (wasFree != isFree) freeCells += isFree ? 1 : -1;
        boolean wasOcc = before > LO_OCC, isOcc = after > LO_OCC;
        if (wasOcc != isOcc) {
            if (changeCount == changes.length) changes = Arrays.copyOf(changes, changeCount * 2);
            changes[changeCount++] = isOcc ? k : -(k + 1);
        }
    }

    private void touch(int x0, int y0, int x1, int y1) {
        if (x0 < minTouchedX) minTouchedX = Math.max(0, x0);
        if (y0 < minTouchedY) minTouchedY = Math.max(0, y0);
        if (x1 > maxTouchedX) maxTouchedX = Math.min(width - 1, x1);
        if (y1 > maxTouchedY) maxTouchedY = Math.min(height - 1, y1);
    }

    /**
     * The cells ever updated, {minX, minY, maxX, maxY} inclusive, or null when none: everything
     * outside is unknown, so whole-grid passes (inflation, pictures) can stay inside it.
     */
    public int[] touchedBounds() {
        if (minTouchedX > maxTouchedX || minTouchedY > maxTouchedY) return null;
        return new int[] {minTouchedX, minTouchedY, maxTouchedX, maxTouchedY};
    }

    /** Sets one cell's log-odds (clamped): for maps loaded or drawn by hand, and tests. Outside the grid: ignored. */
    public void setLogOdds(int ix, int iy, float value) {
        if (!inGrid(ix, iy)) return;
        touch(ix, iy, ix, iy);
        update(ix, iy, Math.max(L_MIN, Math.min(L_MAX, value)) - logOdds[iy * width + ix]);
        version++;
    }

    /** The occupied-state changes since the last call (see field doc); consumed by {@link LikelihoodField}. */
    int[] drainChanges() {
        int[] out = Arrays.copyOf(changes, changeCount);
        changeCount = 0;
        return out;
    }

    public int cellX(double x) { return (int) Math.floor((x - originX) / resolution); }
    public int cellY(double y) { return (int) Math.floor((y - originY) / resolution); }
    public double centerX(int ix) { return originX + (ix + 0.5) * resolution; }
    public double centerY(int iy) { return originY + (iy + 0.5) * resolution; }
    public boolean inGrid(int ix, int iy) { return ix >= 0 && iy >= 0 && ix < width && iy < height; }

    /** Log-odds of a cell; 0 (unknown) outside the grid. */
    public float logOdds(int ix, int iy) {
        return inGrid(ix, iy) ? logOdds[iy * width + ix] : 0f;
    }

    /** Occupancy probability of a cell; 0.5 outside the grid or never observed. */
    public double probability(int ix, int iy) {
        return 1 - 1 / (1 + Math.exp(logOdds(ix, iy)));
    }

    public double probabilityAt(double x, double y) { return probability(cellX(x), cellY(y)); }

    public boolean isOccupied(int ix, int iy) { return logOdds(ix, iy) > LO_OCC; }
    public boolean isFree(int ix, int iy) { return logOdds(ix, iy) < LO_FREE; }
    public boolean isUnknown(int ix, int iy) {
        return unknown(logOdds(ix, iy));
    }
    /**
     * A frontier cell: free, with an unknown 4-neighbour (outside the grid counts as unknown). Reads
     * the cells directly: the frontier search asks this of every reachable free cell.
     */
    public boolean isFrontierCell(int ix, int iy) {
        if (!inGrid(ix, iy)) return false;
        int k = iy * width + ix;
        if (!(logOdds[k] < LO_FREE)) return false;
        if (ix == 0 || iy == 0 || ix == width - 1 || iy == height - 1) return true;
        return unknown(logOdds[k - 1]) || unknown(logOdds[k + 1]) || unknown(logOdds[k - width]) || unknown(logOdds[k + width]);
    }

    private static boolean unknown(float l) { return l >= LO_FREE && l <= LO_OCC; }

    public boolean isOccupiedAt(double x, double y) { return isOccupied(cellX(x), cellY(y)); }
    public boolean isFreeAt(double x, double y) { return isFree(cellX(x), cellY(y)); }

    /** Row-major (index iy * width + ix) mask of the free cells. */
    public boolean[] toFreeMask() {
        boolean[] m = new boolean[logOdds.length];
        for (int k = 0; k < m.length; k++) m[k] = logOdds[k] < LO_FREE;
        return m;
    }

    /** Row-major mask of the occupied cells. */
    public boolean[] toOccupiedMask() {
        boolean[] m = new boolean[logOdds.length];
        for (int k = 0; k < m.length; k++) m[k] = logOdds[k] > LO_OCC;
        return m;
    }

    public int width() { return width; }
    public int height() { return height; }
    public double resolution() { return resolution; }
    public double originX() { return originX; }
    public double originY() { return originY; }
    /** Grows with every change (scan integrated or cell set): caches over the grid compare it. */
    public long version() { return version; }
    /** How many cells are free now. */
    public int freeCells() { return freeCells; }
    /** Scans integrated so far. */
    public long scans() { return scans; }
}
