package dev.umwelt.bus.time;

/**
 * Simulated time, advanced only by its owner (the lockstep simulator). Not thread-safe by
 * design: one episode lives on one Vert.x context.
 */
public final class SimClock implements Clock {
    private long now;

    public SimClock() {
        this(SIM_EPOCH_NANOS);
    }

    public SimClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    /** Nanoseconds since this episode's epoch. */
    public long elapsedNanos() {
        return now - SIM_EPOCH_NANOS;
    }

    public void advance(long nanos) {
        if (nanos < 0) throw new IllegalArgumentException("time does not run backwards: " + nanos);
        now += nanos;
    }

    public void reset() {
        now = SIM_EPOCH_NANOS;
    }
}
