package dev.umwelt.bus;

/** A planar pose per REP-103: metres, yaw in radians counter-clockwise from +x, in (-pi, pi]. */
public record Pose2D(double x, double y, double yaw) {
    public static final Pose2D ORIGIN = new Pose2D(0, 0, 0);

    public Pose2D {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(yaw)) {
            throw new IllegalArgumentException("pose must be finite: " + x + ", " + y + ", " + yaw);
        }
        yaw = Angles.normalize(yaw);
    }

    public double distanceTo(Pose2D other) {
        return Math.hypot(other.x - x, other.y - y);
    }

    /** This pose composed with a pose expressed in its own frame (e.g. base_link -> laser). */
    public Pose2D compose(Pose2D local) {
        double c = Math.cos(yaw), s = Math.sin(yaw);
        return new Pose2D(x + c * local.x - s * local.y, y + s * local.x + c * local.y, yaw + local.yaw);
    }
}
