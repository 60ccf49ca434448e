package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Pose2D;

/** Planar poses as ROS 3-D poses: z = 0, rotation about +z only. */
final class Planar {
    private Planar() {}

    /** Point (x, y, 0) then Quaternion (0, 0, sin(yaw/2), cos(yaw/2)): geometry_msgs/Pose and Transform share this layout. */
    static void writePose(Pose2D p, Ros1Buffer out) {
        double half = p.yaw() / 2;
        out.f64(p.x()).f64(p.y()).f64(0).f64(0).f64(0).f64(Math.sin(half)).f64(Math.cos(half));
    }

    /** The inverse of {@link #writePose}; z and any roll/pitch are dropped, yaw taken from the quaternion. */
    static Pose2D readPose(Ros1Reader in) {
        double x = in.f64(), y = in.f64();
        in.f64(); // z
        double qx = in.f64(), qy = in.f64(), qz = in.f64(), qw = in.f64();
        double yaw = Math.atan2(2 * (qw * qz + qx * qy), 1 - 2 * (qy * qy + qz * qz));
        return new Pose2D(x, y, yaw);
    }
}
