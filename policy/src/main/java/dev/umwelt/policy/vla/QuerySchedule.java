package dev.umwelt.policy.vla;

/**
 * When the policy queries its model: at the first tick, then on a grid of {@code 1 / rate} from
 * it, by observation stamps (a tick at or past the next grid point queries; missed points are
 * skipped, never caught up). The same stamps give the same queries, live and in the dataset
 * export. {@link #restart} (a new instruction) starts a new grid at the next tick.
 */
final class QuerySchedule {
    private final long periodNanos;
    private long next = Long.MIN_VALUE;

    QuerySchedule(double rateHz) {
        this.periodNanos = Math.round(1e9 / rateHz);
    }

    void restart() {
        next = Long.MIN_VALUE;
    }

    /** Whether the tick stamped {@code t} queries; advances the grid when it does. */
    boolean due(long t) {
        if (next != Long.MIN_VALUE && t < next) return false;
        next = next == Long.MIN_VALUE ? t + periodNanos : next + periodNanos;
        while (next <= t) next += periodNanos;
        return true;
    }
}
