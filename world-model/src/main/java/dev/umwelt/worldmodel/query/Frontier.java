package dev.umwelt.worldmodel.query;

/**
 * A reachable boundary between known-free and unknown space, in {@code map}: ({@code x},
 * {@code y}) is the frontier cell nearest the cluster's centroid (so it is a free cell the robot
 * can plan to), {@code cells} the cluster's size in grid cells.
 */
public record Frontier(double x, double y, int cells) {
    public double distanceTo(double px, double py) {
        return Math.hypot(px - x, py - y);
    }
}
