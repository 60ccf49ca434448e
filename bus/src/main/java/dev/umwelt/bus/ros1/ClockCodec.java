package dev.umwelt.bus.ros1;

/** Sim time in nanoseconds <-> rosgraph_msgs/Clock (the /clock topic under use_sim_time). */
public final class ClockCodec extends AbstractCodec<Long> {
    public static final String TYPE = "rosgraph_msgs/Clock";

    public ClockCodec() {
        super(TYPE);
    }

    @Override
    void write(Long nanos, Ros1Buffer out) {
        out.time(nanos);
    }

    @Override
    Long read(Ros1Reader in) {
        return in.time();
    }
}
