package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Vec2;

import java.awt.geom.Point2D;

/**
 * Map frame (metres, REP-103: x right/east, y up/north) to image pixels (column right, row
 * DOWN): {@code u = originU + x * scale}, {@code v = originV - y * scale}. The sign flip is the
 * whole point: images count rows from the top, the map counts y from the bottom.
 */
public record MapTransform(double scale, double originU, double originV) {
    public MapTransform {
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale must be positive: " + scale);
    }

    /**
     * The largest scale that shows {@code min..max} inside the pixel rectangle
     * (left, top, width, height) with {@code margin} pixels on every side, centred.
     */
    public static MapTransform fit(Vec2 min, Vec2 max, int left, int top, int width, int height, int margin) {
        double spanX = Math.max(max.x() - min.x(), 1e-3), spanY = Math.max(max.y() - min.y(), 1e-3);
        double usableW = Math.max(1, width - 2.0 * margin), usableH = Math.max(1, height - 2.0 * margin);
        double scale = Math.min(usableW / spanX, usableH / spanY);
        double cu = left + width / 2.0, cv = top + height / 2.0;
        double cx = (min.x() + max.x()) / 2, cy = (min.y() + max.y()) / 2;
        return new MapTransform(scale, cu - cx * scale, cv + cy * scale);
    }

    public double u(double x) {
        return originU + x * scale;
    }

    public double v(double y) {
        return originV - y * scale;
    }

    public Point2D.Double toPixel(double x, double y) {
        return new Point2D.Double(u(x), v(y));
    }

    public Point2D.Double toPixel(Vec2 p) {
        return toPixel(p.x(), p.y());
    }

    /** The integer pixel (column, row) containing the map point, as tests and pickers want it. */
    public int[] pixelOf(double x, double y) {
        return new int[] {(int) Math.floor(u(x)), (int) Math.floor(v(y))};
    }

    /** Metres to pixels, for radii and line widths. */
    public double length(double metres) {
        return metres * scale;
    }
}
