package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.sensors.Selection;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Judges one modality's stream, tick by tick, so that garbage is marked absent with a reason
 * instead of reaching the policy. Rules and their detection-delay bounds: sensors/README.md.
 * The verdict follows the newest reading: a fault clears (recovery) with the first healthy one.
 */
public final class FaultDetector {
    /** A reading arriving more than this many periods (plus one delivery batch) after its stamp is late. */
    static final long LATENCY_PERIODS = 3;
    /** Silence for more than this many periods (plus one delivery batch) is a dropped stream. */
    static final long DROP_PERIODS = 3;
    /** Identical payloads in a row, with advancing stamps, that make a stream frozen. */
    static final int FROZEN_REPEATS = 3;
    /** NaN is a valid "no measurement" (REP-117), but a scan mostly of NaN is a broken sensor. */
    static final double NAN_FRACTION = 0.3;
    /** Noise estimates above this multiple of the spec's (and above the floor) are NOISY. */
    static final double NOISE_FACTOR = 5, LIDAR_NOISE_FLOOR_M = 0.05, CAMERA_NOISE_LEVELS = 25;
    /** median |second difference| of i.i.d. Gaussian noise = 0.6745 * sqrt(6) * sigma. */
    private static final double MAD2_PER_SIGMA = 0.6745 * Math.sqrt(6);

    /** A verdict: the reason (NONE: healthy) and what was seen. */
    public record Verdict(AbsenceReason reason, String detail) {
        static final Verdict OK = new Verdict(AbsenceReason.NONE, "");
    }

    private final SensorExpectation spec;
    private Verdict verdict = Verdict.OK;
    private long lastArrivalNanos = Long.MIN_VALUE;
    private Stamped previous;
    private int repeats;

    public FaultDetector(SensorExpectation spec) {
        this.spec = spec;
    }

    public SensorExpectation expectation() {
        return spec;
    }

    public Verdict verdict() {
        return verdict;
    }

    /**
     * Takes the readings of this modality that arrived at {@code nowNanos} (a tick); {@code moving}:
     * odometry says the robot moves, so that repeated scans or frames cannot be a still scene.
     * Returns the new verdict (the same object when nothing changed).
     */
    public Verdict update(long nowNanos, List<? extends Stamped> arrived, boolean moving) {
        Verdict v = verdict;
        for (Stamped r : arrived) {
            lastArrivalNanos = nowNanos;
            v = judge(r, nowNanos, moving);
        }
        if (arrived.isEmpty() && lastArrivalNanos != Long.MIN_VALUE
                && nowNanos - lastArrivalNanos > DROP_PERIODS * spec.periodNanos() + spec.deliveryNanos()) {
            v = new Verdict(AbsenceReason.DROPPED, String.format(Locale.ROOT, "dropped: nothing for %.3f s",
                    (nowNanos - lastArrivalNanos) / 1e9));
            if (verdict.reason() == AbsenceReason.DROPPED) v = verdict; // one event per outage, not per tick
        }
        verdict = v;
        return v;
    }

    private Verdict judge(Stamped r, long now, boolean moving) {
        Verdict content = content(r);
        boolean same = previous != null && r.stampNanos() > previous.stampNanos() && samePayload(previous, r);
        repeats = same ? repeats + 1 : 1;
        previous = r;
        if (content.reason() != AbsenceReason.NONE) return content;
        long latency = now - r.stampNanos();
        if (latency > spec.maxLatencyNanos()) {
            // No DELAYED constant in AbsenceReason: a reading that arrives too late is stale on arrival.
            return new Verdict(AbsenceReason.STALE, String.format(Locale.ROOT, "delayed: arrived %.3f s after its stamp", latency / 1e9));
        }
        if (repeats >= FROZEN_REPEATS && canTellFrozen(r, moving)) {
            return new Verdict(AbsenceReason.FROZEN, "frozen: " + repeats + " identical readings with advancing stamps");
        }
        return Verdict.OK;
    }

    /** A still robot legitimately repeats itself; only noise or motion makes a repeat impossible. */
    private boolean canTellFrozen(Stamped r, boolean moving) {
        if (r instanceof Odometry o) return o.twist().linear() != 0 || o.twist().angular() != 0;
        if (r instanceof LidarScan) return spec.noiseStddev() > 0 || moving;
        return moving;
    }

    private static boolean samePayload(Stamped a, Stamped b) {
        if (a instanceof LidarScan x && b instanceof LidarScan y) return Arrays.equals(x.ranges(), y.ranges());
        if (a instanceof CameraFrame x && b instanceof CameraFrame y) return Arrays.equals(x.rgb(), y.rgb());
        if (a instanceof Odometry x && b instanceof Odometry y) return x.pose().equals(y.pose()) && x.twist().equals(y.twist());
        return false;
    }

    private Verdict content(Stamped r) {
        if (r instanceof LidarScan s) return lidar(s);
        if (r instanceof CameraFrame c) return camera(c);
        return Verdict.OK;
    }

    private Verdict lidar(LidarScan s) {
        float[] ranges = s.ranges();
        if (spec.beams() > 0 && ranges.length != spec.beams()) {
            return corrupt("wrong size: " + ranges.length + " beams, expected " + spec.beams());
        }
        int nan = 0, negative = 0;
        for (float v : ranges) {
            if (Float.isNaN(v)) nan++;
            else if (v < 0 && v != Float.NEGATIVE_INFINITY) negative++; // -Inf is "too close" (REP-117), valid
        }
        if (negative > 0) return corrupt("negative ranges: " + negative + " beams");
        if (ranges.length > 0 && nan > NAN_FRACTION * ranges.length) {
            return corrupt(String.format(Locale.ROOT, "NaN flood: %.0f%% of beams", 100.0 * nan / ranges.length));
        }
        // Second differences along the scan cancel smooth geometry (walls), not i.i.d. noise; the
        // median ignores edges and the +Inf/-Inf/NaN beams, which are skipped.
        double sigma = noiseEstimate(ranges.length, i -> ranges[i]);
        double limit = Math.max(NOISE_FACTOR * spec.noiseStddev(), LIDAR_NOISE_FLOOR_M);
        if (sigma > limit) return new Verdict(AbsenceReason.NOISY, String.format(Locale.ROOT, "noisy: ~%.3f m, limit %.3f m", sigma, limit));
        return Verdict.OK;
    }

    private Verdict camera(CameraFrame c) {
        if (spec.width() > 0 && (c.width() != spec.width() || c.height() != spec.height())) {
            return corrupt("wrong size: " + c.width() + "x" + c.height() + ", expected " + spec.width() + "x" + spec.height());
        }
        byte[] rgb = c.rgb();
        boolean one = true;
        for (int i = 3; i < rgb.length && one; i += 3) one = rgb[i] == rgb[0] && rgb[i + 1] == rgb[1] && rgb[i + 2] == rgb[2];
        if (one) {
            int colour = c.rgbAt(0, 0);
            return corrupt(colour == 0 ? "black frame" : String.format(Locale.ROOT, "one-colour frame #%06x", colour));
        }
        double sigma = noiseEstimate(rgb.length / 3, i -> rgb[3 * i + 1] & 0xff); // green, row-major; row seams are a few outliers
        if (sigma > CAMERA_NOISE_LEVELS) {
            return new Verdict(AbsenceReason.NOISY, String.format(Locale.ROOT, "noisy: ~%.0f levels, limit %.0f", sigma, CAMERA_NOISE_LEVELS));
        }
        return Verdict.OK;
    }

    /** Robust sigma of i.i.d. noise on a sampled signal: median |x[i-1] - 2x[i] + x[i+1]| / (0.6745 sqrt 6). */
    static double noiseEstimate(int n, java.util.function.IntToDoubleFunction x) {
        double[] d = new double[Math.max(0, n - 2)];
        int k = 0;
        for (int i = 1; i + 1 < n; i++) {
            double a = x.applyAsDouble(i - 1), b = x.applyAsDouble(i), c = x.applyAsDouble(i + 1);
            if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c)) d[k++] = Math.abs(a - 2 * b + c);
        }
        if (k < 8) return 0; // too few returns (an open hall) to say anything
        return Selection.nth(d, k, k / 2) / MAD2_PER_SIGMA; // linear time: sorting every scan and frame cost ~8% of an episode
    }

    private static Verdict corrupt(String detail) {
        return new Verdict(AbsenceReason.CORRUPT, "corrupt: " + detail);
    }
}
