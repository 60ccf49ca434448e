package dev.umwelt.agent.ros;

import dev.umwelt.bus.Stamped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Control ticks that follow sensor stamps (ROS {@code use_sim_time}), so that a replayed bag
 * gives the same ticks with the same readings whatever the arrival order across topics.
 * Ticks sit on the absolute grid of the control period. Tick T is released once every stream
 * that has delivered anything can send nothing more stamped at or before T: its newest stamp
 * plus its period is past T (a 20 Hz scan stamped T must have come; a 50 Hz odometry stamped
 * T-10 ms means the next is T+10 ms). Each stream is one TCP connection, in order, so this
 * depends on each stream's own sequence only. A dead stream must not freeze the robot: once the
 * clock is {@code graceNanos} past T the tick is released anyway (and the watchdog judges the
 * missing sense). A tick's readings are those stamped at or before it not yet delivered, in
 * stamp order, ties by stream name. Not thread-safe (the node's context).
 */
final class StampTicker {
    /** One released control tick. */
    record Tick(long index, long stampNanos, List<Stamped> readings) {}

    private final long periodNanos;
    private final long graceNanos;
    private final Map<String, Long> streamPeriods;
    private final Map<String, Long> newest = new HashMap<>();
    private final List<Entry> pending = new ArrayList<>();
    private long nextTick = Long.MIN_VALUE;
    private long index;
    private long clockNanos = Long.MIN_VALUE;

    private record Entry(String stream, Stamped reading) {}

    /** {@code streamPeriods}: the nominal period of each stream by name; others never gate. */
    StampTicker(long periodNanos, Map<String, Long> streamPeriods, long graceNanos) {
        if (periodNanos <= 0) throw new IllegalArgumentException("period must be positive");
        this.periodNanos = periodNanos;
        this.streamPeriods = Map.copyOf(streamPeriods);
        this.graceNanos = graceNanos;
    }

    void offer(String stream, Stamped reading) {
        long stamp = reading.header().stampNanos();
        pending.add(new Entry(stream, reading));
        newest.merge(stream, stamp, Math::max);
        if (nextTick == Long.MIN_VALUE && streamPeriods.containsKey(stream)) nextTick = ceilToGrid(stamp);
    }

    void clock(long nowNanos) {
        clockNanos = Math.max(clockNanos, nowNanos);
    }

    /** The first tick not yet released (Long.MIN_VALUE before any gating reading). */
    long nextTickNanos() {
        return nextTick;
    }

    long periodNanos() {
        return periodNanos;
    }

    /** Every tick now releasable, in order. */
    List<Tick> release() {
        List<Tick> out = new ArrayList<>(1);
        while (nextTick != Long.MIN_VALUE && releasable(nextTick)) {
            out.add(new Tick(index++, nextTick, take(nextTick)));
            nextTick += periodNanos;
        }
        return out;
    }

    private boolean releasable(long t) {
        if (clockNanos != Long.MIN_VALUE && clockNanos >= t + graceNanos) return true;
        boolean any = false;
        for (Map.Entry<String, Long> e : streamPeriods.entrySet()) {
            Long last = newest.get(e.getKey());
            if (last == null) continue; // never delivered: does not gate
            any = true;
            if (last + e.getValue() <= t) return false;
        }
        return any;
    }

    private List<Stamped> take(long t) {
        List<Entry> due = new ArrayList<>();
        pending.removeIf(e -> {
            if (e.reading().header().stampNanos() > t) return false;
            due.add(e);
            return true;
        });
        due.sort(Comparator.comparingLong((Entry e) -> e.reading().header().stampNanos()).thenComparing(Entry::stream));
        List<Stamped> readings = new ArrayList<>(due.size());
        for (Entry e : due) readings.add(e.reading());
        return readings;
    }

    private long ceilToGrid(long stamp) {
        return Math.floorDiv(stamp + periodNanos - 1, periodNanos) * periodNanos;
    }
}
