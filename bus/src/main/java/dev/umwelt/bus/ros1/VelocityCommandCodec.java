package dev.umwelt.bus.ros1;

import dev.umwelt.bus.command.VelocityCommand;

/** VelocityCommand <-> umwelt_msgs/VelocityCommand: lossless (header, twist, valid_until). */
public final class VelocityCommandCodec extends AbstractCodec<VelocityCommand> {
    public static final String TYPE = "umwelt_msgs/VelocityCommand";

    public VelocityCommandCodec() {
        super(TYPE);
    }

    @Override
    void write(VelocityCommand c, Ros1Buffer out) {
        out.header(c.header().stampNanos(), c.header().frameId());
        writeTwist(c.twist(), out);
        out.time(c.validUntilNanos());
    }

    @Override
    VelocityCommand read(Ros1Reader in) {
        var header = in.header();
        var twist = readTwist(in);
        return new VelocityCommand(header, twist, in.time());
    }
}
