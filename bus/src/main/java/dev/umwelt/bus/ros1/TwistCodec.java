package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;

/**
 * Twist2D <-> geometry_msgs/Twist (cmd_vel): linear.x and angular.z; the other four are written
 * as zero and ignored on decode. A VelocityCommand sent this way loses its stamp and deadline
 * (the receiving base applies its own cmd_vel timeout); umwelt_msgs/VelocityCommand keeps them.
 */
public final class TwistCodec extends AbstractCodec<Twist2D> {
    public static final String TYPE = "geometry_msgs/Twist";

    public TwistCodec() {
        super(TYPE);
    }

    /** The lossy cmd_vel form of a command: its twist only. */
    public void encodeCommand(VelocityCommand command, Ros1Buffer out) {
        write(command.twist(), out);
    }

    @Override
    void write(Twist2D t, Ros1Buffer out) {
        writeTwist(t, out);
    }

    @Override
    Twist2D read(Ros1Reader in) {
        return readTwist(in);
    }
}
