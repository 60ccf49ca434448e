package dev.umwelt.scenarios.geodesic;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.Arrays;

/**
 * Per-cell clearance over a {@link WorldMap}: the exact Euclidean distance (metres) from each
 * cell centre to the nearest static obstacle surface, capped at {@link #cap()}.
 *
 * <p>Obstacles are the walls (as measured by {@link Wall#distanceTo}) and the static objects
 * ({@link WorldObject#distanceTo}). Movable objects are not obstacles: they can be pushed, and
 * geodesic distances (hence SPL) must not depend on where they happen to stand. The region
 * outside the map's bounds counts as blocked: cells whose centre lies outside have clearance 0
 * and the bounds' edges act as a surface, so open maps without enclosing walls stay finite.
 *
 * <p>Built by visiting, per obstacle, only the cells of its bounding box grown by the cap; the
 * field is a plain {@code float[]} in row-major order ({@code iy * width + ix}). Immutable.
 */
public final class ClearanceGrid {
    public static final double DEFAULT_RESOLUTION = 0.05;
    /** Enough for every consumer: the oracle reads clearance up to footprint + margin + 0.2 m; build cost grows with the cap squared. */
    public static final double DEFAULT_CAP = 1.0;
    /** Cells of border around the bounds, so that searches see the outside as blocked. */
    private static final int BORDER = 2;

    private final double originX, originY, resolution, cap;
    private final double minX, minY, maxX, maxY;
    private final int width, height;
    private final float[] clearance;

    private ClearanceGrid(double originX, double originY, double resolution, double cap, int width, int height,
                          double[] bounds, float[] clearance) {
        this.originX = originX;
        this.originY = originY;
        this.resolution = resolution;
        this.cap = cap;
        this.width = width;
        this.height = height;
        this.minX = bounds[0];
        this.minY = bounds[1];
        this.maxX = bounds[2];
        this.maxY = bounds[3];
        this.clearance = clearance;
    }

    public static ClearanceGrid build(WorldMap map) {
        return build(map, DEFAULT_RESOLUTION, DEFAULT_CAP);
    }

    public static ClearanceGrid build(WorldMap map, double resolution) {
        return build(map, resolution, DEFAULT_CAP);
    }

    public static ClearanceGrid build(WorldMap map, double resolution, double cap) {
        if (!(resolution > 0)) throw new IllegalArgumentException("resolution must be positive: " + resolution);
        if (!(cap > 0)) throw new IllegalArgumentException("cap must be positive: " + cap);
        Vec2[] b = map.bounds();
        double[] bounds = {b[0].x(), b[0].y(), b[1].x(), b[1].y()};
        int w = (int) Math.ceil((bounds[2] - bounds[0]) / resolution) + 2 * BORDER;
        int h = (int) Math.ceil((bounds[3] - bounds[1]) / resolution) + 2 * BORDER;
        double ox = bounds[0] - BORDER * resolution, oy = bounds[1] - BORDER * resolution;
        float[] d = new float[w * h];
        // The bounds' edges are a surface: inside cells start at their distance to the nearest edge.
        for (int iy = 0; iy < h; iy++) {
            double y = oy + (iy + 0.5) * resolution;
            for (int ix = 0; ix < w; ix++) {
                double x = ox + (ix + 0.5) * resolution;
                double edge = Math.min(Math.min(x - bounds[0], bounds[2] - x), Math.min(y - bounds[1], bounds[3] - y));
                d[iy * w + ix] = (float) Math.max(0, Math.min(cap, edge));
            }
        }
        ClearanceGrid g = new ClearanceGrid(ox, oy, resolution, cap, w, h, bounds, d);
        for (Wall wall : map.walls()) g.stampWall(wall);
        for (WorldObject o : map.staticObjects()) g.stampObject(o);
        return g;
    }

    private void stampWall(Wall wall) {
        double ax = wall.from().x(), ay = wall.from().y(), bx = wall.to().x(), by = wall.to().y();
        double half = wall.thickness() / 2, grow = half + cap;
        int[] r = cellRange(Math.min(ax, bx) - grow, Math.min(ay, by) - grow, Math.max(ax, bx) + grow, Math.max(ay, by) + grow);
        for (int iy = r[1]; iy <= r[3]; iy++) {
            double y = originY + (iy + 0.5) * resolution;
            for (int ix = r[0]; ix <= r[2]; ix++) {
                double x = originX + (ix + 0.5) * resolution;
                lower(iy * width + ix, Wall.distanceToRectangle(ax, ay, bx, by, half, x, y));
            }
        }
    }

    private void stampObject(WorldObject o) {
        double cx = o.pose().x(), cy = o.pose().y(), grow = o.boundingRadius() + cap;
        int[] r = cellRange(cx - grow, cy - grow, cx + grow, cy + grow);
        double c = Math.cos(-o.pose().yaw()), s = Math.sin(-o.pose().yaw());
        double hx = o.sizeX() / 2, hy = o.sizeY() / 2;
        boolean round = o.shape().isRound();
        for (int iy = r[1]; iy <= r[3]; iy++) {
            double y = originY + (iy + 0.5) * resolution - cy;
            for (int ix = r[0]; ix <= r[2]; ix++) {
                double x = originX + (ix + 0.5) * resolution - cx;
                double dist;
                if (round) {
                    dist = Math.max(0, Math.sqrt(x * x + y * y) - hx);
                } else {
                    double lx = Math.max(0, Math.abs(c * x - s * y) - hx), ly = Math.max(0, Math.abs(s * x + c * y) - hy);
                    dist = Math.sqrt(lx * lx + ly * ly);
                }
                lower(iy * width + ix, dist);
            }
        }
    }

    private void lower(int i, double dist) {
        if (dist < clearance[i]) clearance[i] = (float) dist;
    }

    /** Inclusive cell range {ix0, iy0, ix1, iy1} covering a world box, clipped to the grid. */
    private int[] cellRange(double x0, double y0, double x1, double y1) {
        return new int[] {
            Math.max(0, cellX(x0)), Math.max(0, cellY(y0)),
            Math.min(width - 1, cellX(x1)), Math.min(height - 1, cellY(y1))};
    }

    public int cellX(double x) {
        return (int) Math.floor((x - originX) / resolution);
    }

    public int cellY(double y) {
        return (int) Math.floor((y - originY) / resolution);
    }

    public double centerX(int ix) {
        return originX + (ix + 0.5) * resolution;
    }

    public double centerY(int iy) {
        return originY + (iy + 0.5) * resolution;
    }

    public Vec2 cellCenter(int ix, int iy) {
        return new Vec2(centerX(ix), centerY(iy));
    }

    public boolean inGrid(int ix, int iy) {
        return ix >= 0 && iy >= 0 && ix < width && iy < height;
    }

    /** Clearance of a cell; 0 outside the grid. */
    public double cellClearance(int ix, int iy) {
        return inGrid(ix, iy) ? clearance[iy * width + ix] : 0;
    }

    /**
     * Clearance at a point, bilinearly interpolated between cell centres (so it is continuous,
     * which the oracle's path shaping needs); 0 outside the map bounds.
     */
    public double clearanceAt(Vec2 p) {
        return clearanceAt(p.x(), p.y());
    }

    public double clearanceAt(double x, double y) {
        if (x < minX || x > maxX || y < minY || y > maxY) return 0;
        double u = (x - originX) / resolution - 0.5, v = (y - originY) / resolution - 0.5;
        int i0 = (int) Math.floor(u), j0 = (int) Math.floor(v);
        double fu = u - i0, fv = v - j0;
        return (1 - fv) * ((1 - fu) * cellClearance(i0, j0) + fu * cellClearance(i0 + 1, j0))
                + fv * ((1 - fu) * cellClearance(i0, j0 + 1) + fu * cellClearance(i0 + 1, j0 + 1));
    }

    /** Whether a disc of {@code radius} centred on the cell centre is clear (clearance >= radius). */
    public boolean isFree(int ix, int iy, double radius) {
        return inGrid(ix, iy) && clearance[iy * width + ix] >= radius;
    }

    public int width() { return width; }
    public int height() { return height; }
    public double resolution() { return resolution; }
    /** World position of the grid's lower-left corner (not a cell centre). */
    public Vec2 origin() { return new Vec2(originX, originY); }
    /** Distances at or beyond the cap are stored as the cap. */
    public double cap() { return cap; }

    /** A copy of the raw field, row-major; for renderers and debugging. */
    public float[] toArray() {
        return Arrays.copyOf(clearance, clearance.length);
    }
}
