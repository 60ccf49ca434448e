package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.sensors.Selection;

import java.util.Locale;

/**
 * The rules one reading is judged by on its own (sizes, impossible values, noise), per
 * modality; the rules across readings (late, silent, frozen) are {@link FaultDetector}'s.
 * Bounds: sensors/README.md. Not thread-safe (the audio estimator's scratch buffers).
 */
final class ContentRules {
    /** NaN is a valid "no measurement" (REP-117), but a scan mostly of NaN is a broken sensor. */
    static final double NAN_FRACTION = 0.3;
    /** Noise estimates above this multiple of the spec's (and above the floor) are NOISY. */
    static final double NOISE_FACTOR = 5, LIDAR_NOISE_FLOOR_M = 0.05, CAMERA_NOISE_LEVELS = 25;
    /** -40 dBFS of white noise (328 levels RMS, ~94 dB SPL at the simulator's scale) buries anything quieter. */
    static final double AUDIO_NOISE_LEVELS = 32767 * 0.01;
    /** A microphone with at least this much self-noise (levels RMS) cannot repeat a chunk bit for bit. */
    static final double AUDIO_LIVE_NOISE_LEVELS = 0.5;
    /** A chunk with more of its samples at full scale is a saturated input, not a loud room. */
    static final double CLIPPED_FRACTION = 0.3;
    /** median |second difference| of i.i.d. Gaussian noise = 0.6745 * sqrt(6) * sigma. */
    private static final double MAD2_PER_SIGMA = 0.6745 * Math.sqrt(6);

    private final SensorExpectation spec;
    private final AudioNoiseFloor audioNoise = new AudioNoiseFloor();
    /** The noise floor of the last audio chunk judged, levels RMS. */
    private double lastAudioNoise;

    ContentRules(SensorExpectation spec) {
        this.spec = spec;
    }

    /** CORRUPT, NOISY or {@link FaultDetector.Verdict#OK}. */
    FaultDetector.Verdict judge(Stamped r) {
        if (r instanceof LidarScan s) return lidar(s);
        if (r instanceof CameraFrame c) return camera(c);
        if (r instanceof AudioChunk a) return audio(a);
        return FaultDetector.Verdict.OK;
    }

    /** Whether the last audio chunk judged carried a live microphone's noise (a repeat is then impossible). */
    boolean audioIsLive() {
        return lastAudioNoise >= AUDIO_LIVE_NOISE_LEVELS;
    }

    private FaultDetector.Verdict lidar(LidarScan s) {
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
        if (sigma > limit) return noisy(String.format(Locale.ROOT, "noisy: ~%.3f m, limit %.3f m", sigma, limit));
        return FaultDetector.Verdict.OK;
    }

    private FaultDetector.Verdict camera(CameraFrame c) {
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
            return noisy(String.format(Locale.ROOT, "noisy: ~%.0f levels, limit %.0f", sigma, CAMERA_NOISE_LEVELS));
        }
        return FaultDetector.Verdict.OK;
    }

    private FaultDetector.Verdict audio(AudioChunk a) {
        lastAudioNoise = 0;
        if (spec.channels() > 0 && a.channels() != spec.channels()) {
            return corrupt("wrong size: " + a.channels() + " channels, expected " + spec.channels());
        }
        if (spec.sampleRate() > 0 && (a.sampleRate() != spec.sampleRate() || a.frames() != spec.chunkFrames())) {
            return corrupt("wrong size: " + a.frames() + " samples at " + a.sampleRate() + " Hz, expected "
                    + spec.chunkFrames() + " at " + spec.sampleRate() + " Hz");
        }
        short[] s = a.samples();
        int railed = 0;
        for (short v : s) if (v >= Short.MAX_VALUE || v <= -Short.MAX_VALUE) railed++;
        if (s.length > 0 && railed > CLIPPED_FRACTION * s.length) {
            return corrupt(String.format(Locale.ROOT, "clipped: %.0f%% of samples at full scale", 100.0 * railed / s.length));
        }
        lastAudioNoise = audioNoise.sigma(a);
        if (lastAudioNoise > AUDIO_NOISE_LEVELS) {
            return noisy(String.format(Locale.ROOT, "noisy: floor %.1f dBFS, limit -40 dBFS", 20 * Math.log10(lastAudioNoise / 32767)));
        }
        return FaultDetector.Verdict.OK;
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

    private static FaultDetector.Verdict corrupt(String detail) {
        return new FaultDetector.Verdict(AbsenceReason.CORRUPT, "corrupt: " + detail);
    }

    private static FaultDetector.Verdict noisy(String detail) {
        return new FaultDetector.Verdict(AbsenceReason.NOISY, detail);
    }
}
