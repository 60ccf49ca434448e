package dev.umwelt.bus.time;

/** Unix time in nanoseconds, monotonic within a process (anchored once, then nanoTime). */
public final class WallClock implements Clock {
    public static final WallClock INSTANCE = new WallClock();

    private final long anchorEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private final long anchorMonotonic = System.nanoTime();

    private WallClock() {}

    @Override
    public long nowNanos() {
        return anchorEpochNanos + (System.nanoTime() - anchorMonotonic);
    }
}
