package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;

import java.util.List;

/**
 * A straight wall: the rectangle of width {@code thickness} centred on the segment from-to,
 * extruded to {@code height} in 3D. Door openings are already cut out by the loader.
 */
public record Wall(Vec2 from, Vec2 to, double thickness, double height) {
    public double length() {
        return from.distanceTo(to);
    }

    /** The four corners of the wall's footprint, counter-clockwise. */
    public List<Vec2> corners() {
        Vec2 d = to.minus(from);
        double len = d.length();
        Vec2 n = len == 0 ? new Vec2(0, thickness / 2) : new Vec2(-d.y() / len, d.x() / len).times(thickness / 2);
        return List.of(from.minus(n), to.minus(n), to.plus(n), from.plus(n));
    }

    /**
     * Exact distance from a point to the wall's solid footprint, the rectangle of
     * {@link #corners()} (0 inside). Rectangle, not capsule: the physics and the lidar see square
     * ends, and a door cut 0.6 m wide must leave 0.6 m clear.
     */
    public double distanceTo(Vec2 p) {
        return distanceToRectangle(from.x(), from.y(), to.x(), to.y(), thickness / 2, p.x(), p.y());
    }

    /**
     * Distance from (x, y) to the rectangle of half-width {@code half} around the segment a-b
     * (0 inside). Primitive so that grid builders can call it per cell without allocating.
     */
    public static double distanceToRectangle(double ax, double ay, double bx, double by, double half,
                                             double x, double y) {
        double dx = bx - ax, dy = by - ay, len = Math.sqrt(dx * dx + dy * dy);
        double rx = x - ax, ry = y - ay;
        double along = len == 0 ? 0 : (rx * dx + ry * dy) / len;
        double across = len == 0 ? Math.sqrt(rx * rx + ry * ry) : Math.abs(rx * dy - ry * dx) / len;
        double ex = Math.max(0, Math.abs(along - len / 2) - len / 2);
        double ey = Math.max(0, across - half);
        return Math.sqrt(ex * ex + ey * ey);
    }
}
