package dev.umwelt.worldmodel.pose;

import dev.umwelt.bus.Pose2D;

/** SE(2) helpers the bus's {@link Pose2D} does not have. */
public final class Poses {
    private Poses() {}

    public static Pose2D inverse(Pose2D p) {
        double c = Math.cos(p.yaw()), s = Math.sin(p.yaw());
        return new Pose2D(-c * p.x() - s * p.y(), s * p.x() - c * p.y(), -p.yaw());
    }

    /** {@code b} expressed in {@code a}'s frame: inverse(a) * b. */
    public static Pose2D between(Pose2D a, Pose2D b) {
        return inverse(a).compose(b);
    }

    public static double yawError(Pose2D a, Pose2D b) {
        return Math.abs(dev.umwelt.bus.Angles.normalize(a.yaw() - b.yaw()));
    }
}
