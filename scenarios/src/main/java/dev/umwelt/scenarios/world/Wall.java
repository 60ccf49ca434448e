package dev.umwelt.scenarios.world;

import dev.umwelt.scenarios.geometry.Vec2;

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

    /** Distance from a point to the wall's solid footprint (0 inside). */
    public double distanceTo(Vec2 p) {
        return Math.max(0, p.distanceToSegment(from, to) - thickness / 2);
    }
}
