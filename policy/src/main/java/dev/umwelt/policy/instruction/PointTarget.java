package dev.umwelt.policy.instruction;

/** A point in the {@code map} frame, metres. */
public record PointTarget(double x, double y) implements Target {
    public PointTarget {
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("point must be finite: " + x + ", " + y);
    }
}
