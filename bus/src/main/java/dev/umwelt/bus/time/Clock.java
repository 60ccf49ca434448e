package dev.umwelt.bus.time;

/**
 * The only source of "now" in the runtime. In lockstep the simulator owns a {@link SimClock};
 * on a real robot a {@link WallClock}. Nothing else reads the wall clock.
 */
public interface Clock {
    /** 2000-01-01T00:00:00Z. Sim time starts here, never at 0, because ROS reads stamp 0 as "latest". */
    long SIM_EPOCH_NANOS = 946_684_800_000_000_000L;

    long nowNanos();

    static long seconds(double s) {
        return Math.round(s * 1e9);
    }

    static double toSeconds(long nanos) {
        return nanos / 1e9;
    }
}
