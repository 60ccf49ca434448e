package dev.umwelt.sensors.sync;

import dev.umwelt.bus.Stamped;

import java.util.List;
import java.util.Objects;

/**
 * One output of {@link ApproximateTimeSynchronizer}: one reading per stream, in stream order,
 * and the set's span (latest stamp minus earliest stamp).
 */
public record SyncedSet<T extends Stamped>(long spanNanos, List<T> readings) {
    public SyncedSet {
        Objects.requireNonNull(readings, "readings");
        readings = List.copyOf(readings);
        if (spanNanos < 0) throw new IllegalArgumentException("span is negative: " + spanNanos);
    }

    /** The reading of {@code stream}. */
    public T get(int stream) {
        return readings.get(stream);
    }

    /** Earliest stamp in the set. */
    public long startNanos() {
        long t = Long.MAX_VALUE;
        for (T r : readings) t = Math.min(t, r.stampNanos());
        return t;
    }

    /** Latest stamp in the set: the stamp a consumer usually labels the set with. */
    public long endNanos() {
        return startNanos() + spanNanos;
    }
}
