package dev.umwelt.bus.tick;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.episode.EpisodeEvent;

import java.util.List;
import java.util.Objects;

/**
 * The lockstep simulator's bundle for one control tick: every reading that became available
 * since the previous tick (each with its own stamp, in stamp order), the events of the
 * interval, and the ground-truth pose in {@code map} (only privileged consumers may use it).
 */
public record TickReadings(long tick, long stampNanos, List<Stamped> readings, List<EpisodeEvent> events,
                           Pose2D groundTruth) {
    public TickReadings {
        if (tick < 0) throw new IllegalArgumentException("tick must be >= 0: " + tick);
        readings = List.copyOf(readings);
        events = List.copyOf(events);
        Objects.requireNonNull(groundTruth, "groundTruth");
    }

    /** The newest reading of a type in this bundle, or null. */
    public <T extends Stamped> T latest(Class<T> type) {
        for (int i = readings.size() - 1; i >= 0; i--) {
            Stamped r = readings.get(i);
            if (type.isInstance(r)) return type.cast(r);
        }
        return null;
    }
}
