package dev.umwelt.worldmodel.query;

/** A point of a planned path in {@code map}, metres. */
public record Waypoint(double x, double y) {
    public double distanceTo(double px, double py) {
        return Math.hypot(px - x, py - y);
    }
}
