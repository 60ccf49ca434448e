package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Judges one modality's stream, tick by tick, so that garbage is marked absent with a reason
 * instead of reaching the policy. Rules and their detection-delay bounds: sensors/README.md.
 * The verdict follows the newest reading by stamp (a late reading older than one already judged
 * changes nothing); a fault is raised by the first reading that shows it, and cleared only once
 * the stream has looked healthy for {@link #holdNanos} (hysteresis: no flapping inside a
 * fault window).
 */
public final class FaultDetector {
    /** A reading arriving more than this many periods plus one delivery batch after it was complete is late. */
    static final long LATENCY_PERIODS = 1;
    /** Silence for more than this many periods (plus one delivery batch) is a dropped stream. */
    static final long DROP_PERIODS = 3;
    /** Identical payloads in a row, with advancing stamps, that make a stream frozen. */
    static final int FROZEN_REPEATS = 3;
    /** How long (by stamps) readings must look healthy before a fault clears: this many periods, at least HOLD_MIN. */
    static final long HOLD_PERIODS = 2, HOLD_MIN_NANOS = 200_000_000L;

    /** A verdict: the reason (NONE: healthy) and what was seen. */
    public record Verdict(AbsenceReason reason, String detail) {
        static final Verdict OK = new Verdict(AbsenceReason.NONE, "");
    }

    private final SensorExpectation spec;
    private final ContentRules content;
    private Verdict verdict = Verdict.OK;
    private long lastArrivalNanos = Long.MIN_VALUE;
    private long newestStamp = Long.MIN_VALUE;
    private Stamped previous;
    /** Identical payloads in a row, the stamp of the first of them, and whether this run was already judged frozen. */
    private int repeats;
    private long runStartStamp;
    private boolean runFrozen;
    /** While a fault is held: the stamp of the first reading of the current healthy run (MIN_VALUE: none). */
    private long healthySince = Long.MIN_VALUE;

    public FaultDetector(SensorExpectation spec) {
        this.spec = spec;
        this.content = new ContentRules(spec);
    }

    public SensorExpectation expectation() {
        return spec;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** How long readings (by stamps) must look healthy before a fault clears. */
    public static long holdNanos(SensorExpectation spec) {
        return Math.max(HOLD_PERIODS * spec.periodNanos(), HOLD_MIN_NANOS);
    }

    /**
     * Takes the readings of this modality that arrived at {@code nowNanos} (a tick); {@code motion}:
     * where healthy odometry says the robot was, so that repeated scans or frames of a still robot
     * are not taken for a freeze. An odometry detector records its healthy readings there.
     * Returns the new verdict.
     */
    public Verdict update(long nowNanos, List<? extends Stamped> arrived, MotionWitness motion) {
        Verdict v = verdict;
        for (Stamped r : arrived) {
            lastArrivalNanos = nowNanos;
            if (r.stampNanos() <= newestStamp) continue; // out of order: older than what the verdict follows
            newestStamp = r.stampNanos();
            Verdict seen = judge(r, nowNanos, motion);
            if (seen.reason() == AbsenceReason.NONE && r instanceof Odometry o) motion.record(o);
            v = hold(v, seen, r.stampNanos());
        }
        if (arrived.isEmpty() && lastArrivalNanos != Long.MIN_VALUE
                && nowNanos - lastArrivalNanos > DROP_PERIODS * spec.periodNanos() + spec.deliveryNanos()) {
            healthySince = Long.MIN_VALUE;
            if (v.reason() != AbsenceReason.DROPPED) { // one event per outage, not per tick
                v = new Verdict(AbsenceReason.DROPPED, String.format(Locale.ROOT, "dropped: nothing for %.3f s",
                        (nowNanos - lastArrivalNanos) / 1e9));
            }
        }
        verdict = v;
        return v;
    }

    /** Hysteresis: a fault is taken at once; health only after {@link #holdNanos} of healthy readings. */
    private Verdict hold(Verdict current, Verdict seen, long stamp) {
        if (seen.reason() != AbsenceReason.NONE) {
            healthySince = Long.MIN_VALUE;
            return seen;
        }
        if (current.reason() == AbsenceReason.NONE) return current;
        if (healthySince == Long.MIN_VALUE) healthySince = stamp;
        if (stamp - healthySince < holdNanos(spec)) return current;
        healthySince = Long.MIN_VALUE;
        return Verdict.OK;
    }

    /** One reading's finding on its own and against the ones before it. */
    private Verdict judge(Stamped r, long now, MotionWitness motion) {
        Verdict found = content.judge(r);
        boolean same = previous != null && samePayload(previous, r);
        if (same) {
            repeats++;
        } else {
            repeats = 1;
            runStartStamp = r.stampNanos();
            runFrozen = false;
        }
        previous = r;
        if (found.reason() != AbsenceReason.NONE) return found;
        // An audio chunk's stamp is its first sample: it cannot arrive before its last.
        long complete = r.stampNanos() + (r instanceof AudioChunk a ? a.durationNanos() : 0);
        long late = now - complete;
        if (late > spec.maxLatencyNanos()) {
            // No DELAYED constant in AbsenceReason: a reading that arrives too late is stale on arrival.
            return new Verdict(AbsenceReason.STALE, String.format(Locale.ROOT, "delayed: arrived %.3f s late", late / 1e9));
        }
        if (repeats >= FROZEN_REPEATS && (runFrozen || canTellFrozen(r, motion))) {
            runFrozen = true; // the same payload goes on repeating: still frozen, whether or not the robot moves now
            return new Verdict(AbsenceReason.FROZEN, "frozen: " + repeats + " identical readings with advancing stamps");
        }
        return Verdict.OK;
    }

    /**
     * A still robot in a still room legitimately repeats itself: a repeat is a freeze only when it
     * is impossible: the sensor's own noise (lidar noise, a live microphone), odometry that claims
     * to move, or healthy odometry showing that the robot moved since the first of the repeats.
     */
    private boolean canTellFrozen(Stamped r, MotionWitness motion) {
        if (r instanceof Odometry o) return o.twist().linear() != 0 || o.twist().angular() != 0;
        if (r instanceof AudioChunk) return content.audioIsLive();
        if (r instanceof LidarScan && spec.noiseStddev() > 0) return true;
        return motion.movedBetween(runStartStamp, r.stampNanos());
    }

    private static boolean samePayload(Stamped a, Stamped b) {
        if (a instanceof LidarScan x && b instanceof LidarScan y) return Arrays.equals(x.ranges(), y.ranges());
        if (a instanceof CameraFrame x && b instanceof CameraFrame y) return Arrays.equals(x.rgb(), y.rgb());
        if (a instanceof Odometry x && b instanceof Odometry y) return x.pose().equals(y.pose()) && x.twist().equals(y.twist());
        if (a instanceof AudioChunk x && b instanceof AudioChunk y) return Arrays.equals(x.samples(), y.samples());
        return false;
    }
}
