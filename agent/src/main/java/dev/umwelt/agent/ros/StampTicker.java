package dev.umwelt.agent.ros;

import dev.umwelt.bus.Stamped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Control ticks that follow sensor stamps (ROS {@code use_sim_time}), so that a replayed bag
 * gives the same ticks with the same readings whatever the arrival order across topics.
 * Ticks sit on the absolute grid of the control period. Tick T is released once every gating
 * stream can send nothing more stamped at or before T: its newest stamp plus its period is past
 * T (a 20 Hz scan stamped T must have come; a 50 Hz odometry stamped T-10 ms means the next is
 * T+10 ms). Each stream is one TCP connection, in order, so this depends on each stream's own
 * sequence only, never on how the topics interleave (a loaded brain reads /clock seconds ahead
 * of a camera socket: a clock-based release would then differ between a live run and its bag).
 * A stream gates from its first message on. A dead stream must not freeze the robot forever:
 * {@link #expire} (called from a wall-clock check) stops a stream from gating once it has been
 * silent for {@code deadWallNanos} of wall time while the clock is {@code graceNanos} past the
 * waiting tick; it gates again from its next message (the watchdog judges the missing sense
 * meanwhile). Only that fault path depends on timing; without sim time the ticker is driven
 * by the wall clock and {@code clockReleases} releases a tick once the clock is {@code graceNanos}
 * past it. A tick's readings are those stamped at or before it not yet delivered, in stamp
 * order, ties by stream name. Not thread-safe (the node's context).
 */
final class StampTicker {
    /** One released control tick. */
    record Tick(long index, long stampNanos, List<Stamped> readings) {}

    private final long periodNanos;
    private final long graceNanos;
    private final long deadWallNanos;
    private final boolean clockReleases;
    private final Map<String, Long> streamPeriods;
    private final Map<String, Long> newest = new HashMap<>();
    private final Map<String, Long> lastArrivalWall = new HashMap<>();
    private final Set<String> dead = new HashSet<>();
    private final List<Entry> pending = new ArrayList<>();
    private long nextTick = Long.MIN_VALUE;
    private long index;
    private long clockNanos = Long.MIN_VALUE;

    private record Entry(String stream, Stamped reading) {}

    /**
     * {@code streamPeriods}: the nominal period of each stream by name; others never gate.
     * {@code clockReleases}: the clock alone releases a tick {@code graceNanos} after it (wall-clock
     * mode); false: only the streams' sequences and {@link #expire} do (sim time, replayable).
     */
    StampTicker(long periodNanos, Map<String, Long> streamPeriods, long graceNanos, long deadWallNanos, boolean clockReleases) {
        if (periodNanos <= 0) throw new IllegalArgumentException("period must be positive");
        this.periodNanos = periodNanos;
        this.streamPeriods = Map.copyOf(streamPeriods);
        this.graceNanos = graceNanos;
        this.deadWallNanos = deadWallNanos;
        this.clockReleases = clockReleases;
    }

    /** A reading as it arrives; {@code wallNanos}: the arrival's wall time (System.nanoTime). */
    void offer(String stream, Stamped reading, long wallNanos) {
        long stamp = reading.header().stampNanos();
        pending.add(new Entry(stream, reading));
        newest.merge(stream, stamp, Math::max);
        lastArrivalWall.put(stream, wallNanos);
        dead.remove(stream);
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

    /**
     * The fault path: the streams holding back the next tick that have been silent for the dead
     * time (wall) while the clock is the grace past that tick stop gating. Returns their names.
     */
    List<String> expire(long wallNanos) {
        List<String> out = new ArrayList<>(0);
        if (nextTick == Long.MIN_VALUE || clockNanos == Long.MIN_VALUE || clockNanos - graceNanos < nextTick) return out;
        for (String s : blocking(nextTick)) {
            if (wallNanos - lastArrivalWall.get(s) >= deadWallNanos) {
                dead.add(s);
                out.add(s);
            }
        }
        return out;
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
        if (clockReleases && clockNanos != Long.MIN_VALUE && clockNanos - graceNanos >= t) return true;
        boolean live = false;
        for (String s : newest.keySet()) live |= streamPeriods.containsKey(s) && !dead.contains(s);
        // every gating stream given up: the clock alone moves the ticks on, the grace behind it
        if (!live) return nextTickGivenUp(t);
        return blocking(t).isEmpty();
    }

    private boolean nextTickGivenUp(long t) {
        return !dead.isEmpty() && clockNanos != Long.MIN_VALUE && clockNanos - graceNanos >= t;
    }

    /** The live gating streams that may still send a reading stamped at or before {@code t}. */
    private List<String> blocking(long t) {
        List<String> out = new ArrayList<>(0);
        for (Map.Entry<String, Long> e : streamPeriods.entrySet()) {
            Long last = newest.get(e.getKey());
            if (last == null || dead.contains(e.getKey())) continue; // never delivered or given up: does not gate
            if (last + e.getValue() <= t) out.add(e.getKey());
        }
        return out;
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
