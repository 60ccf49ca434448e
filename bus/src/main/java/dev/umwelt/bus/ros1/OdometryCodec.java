package dev.umwelt.bus.ros1;

import dev.umwelt.bus.sensing.Odometry;

/**
 * Odometry <-> nav_msgs/Odometry: the planar pose as z = 0 and a yaw quaternion, the twist as
 * linear.x and angular.z, covariances all zero ("unknown"). Decoding keeps x, y, yaw, linear.x
 * and angular.z; the rest (z, roll, pitch, lateral velocities, covariances) is dropped.
 */
public final class OdometryCodec extends AbstractCodec<Odometry> {
    public static final String TYPE = "nav_msgs/Odometry";
    private static final int COVARIANCE_BYTES = 36 * 8;

    public OdometryCodec() {
        super(TYPE);
    }

    @Override
    void write(Odometry o, Ros1Buffer out) {
        out.header(o.header().stampNanos(), o.header().frameId()).string(o.childFrameId());
        Planar.writePose(o.pose(), out);
        for (int i = 0; i < 36; i++) out.f64(0);
        writeTwist(o.twist(), out);
        for (int i = 0; i < 36; i++) out.f64(0);
    }

    @Override
    Odometry read(Ros1Reader in) {
        var header = in.header();
        String child = in.string("child_frame_id");
        var pose = Planar.readPose(in);
        in.skip(COVARIANCE_BYTES, "pose.covariance");
        var twist = readTwist(in);
        in.skip(COVARIANCE_BYTES, "twist.covariance");
        return new Odometry(header, child, pose, twist);
    }
}
