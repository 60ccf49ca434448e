package dev.umwelt.sensors.audio;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.AudioChunk;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cost of {@link GccPhatBearing#estimate(AudioChunk, String, String)} per 0.1 s chunk (16 kHz,
 * 2 channels, 0.2 m spacing). The chunks: a broadband chord (24 partials 200-3000 Hz, random
 * phases) from a random lateral angle, exactly delayed between the channels, plus independent
 * noise at 20 dB SNR; every 8th chunk noise only (gated: no estimate). A plain timing loop, not
 * JMH: warm-up rounds, then the median and best of measured rounds.
 * Run: {@code java -cp sensors/target/classes:bus/target/classes dev.umwelt.sensors.audio.GccPhatBenchmark}.
 */
public final class GccPhatBenchmark {
    public static final int RATE = 16000, FRAMES = 1600;
    public static final double SPACING = 0.2;

    /** Microseconds per chunk: median and best of the measured rounds; estimates = chunks that gave one. */
    public record Result(int chunks, int estimates, double medianUsPerChunk, double bestUsPerChunk) {
        @Override
        public String toString() {
            return String.format("GCC-PHAT bearing: %.1f us per 0.1 s chunk (median; best %.1f), %d of %d chunks gave an estimate",
                    medianUsPerChunk, bestUsPerChunk, estimates, chunks);
        }
    }

    private GccPhatBenchmark() {}

    public static void main(String[] args) {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        System.out.println(run(chunks, 10, 15));
    }

    /** Deterministic test chunks (seeded): a source at a random lateral angle, or noise only. */
    public static AudioChunk[] chunks(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        AudioChunk[] out = new AudioChunk[count];
        for (int c = 0; c < count; c++) {
            boolean source = c % 8 != 7;
            double lateral = (r.nextDouble() * 2 - 1) * Math.toRadians(80);
            double tau = SPACING * Math.sin(lateral) / GccPhatBearing.SPEED_OF_SOUND; // second minus first
            double[] f = new double[24], ph = new double[24];
            for (int p = 0; p < f.length; p++) { f[p] = 200 + r.nextDouble() * 2800; ph[p] = r.nextDouble() * 2 * Math.PI; }
            short[] s = new short[2 * FRAMES];
            double amp = 0.02, noise = source ? amp * Math.sqrt(f.length / 2.0) / 10 : 0.02;
            for (int i = 0; i < FRAMES; i++) {
                double t = (double) i / RATE, a = 0, b = 0;
                if (source) for (int p = 0; p < f.length; p++) {
                    a += amp * Math.sin(2 * Math.PI * f[p] * t + ph[p]);
                    b += amp * Math.sin(2 * Math.PI * f[p] * (t - tau) + ph[p]);
                }
                s[2 * i] = (short) Math.round(32767 * Math.max(-1, Math.min(1, a + noise * r.nextGaussian())));
                s[2 * i + 1] = (short) Math.round(32767 * Math.max(-1, Math.min(1, b + noise * r.nextGaussian())));
            }
            out[c] = new AudioChunk(new Header((long) c * 100_000_000L, "base_link"), RATE,
                    List.of("mic_left", "mic_right"), s);
        }
        return out;
    }

    public static Result run(int count, int warmups, int rounds) {
        AudioChunk[] in = chunks(count, 7);
        GccPhatBearing gcc = new GccPhatBearing(RATE, SPACING);
        double[] us = new double[rounds];
        int estimates = 0;
        double sink = 0;
        for (int round = 0; round < warmups + rounds; round++) {
            int got = 0;
            long t0 = System.nanoTime();
            for (AudioChunk c : in) {
                var b = gcc.estimate(c, "mic_left", "mic_right");
                if (b.isPresent()) { got++; sink += b.get().lateralRadians(); }
            }
            long dt = System.nanoTime() - t0;
            if (round >= warmups) us[round - warmups] = dt / 1e3 / count;
            estimates = got;
        }
        if (Double.isNaN(sink)) throw new AssertionError();
        Arrays.sort(us);
        return new Result(count, estimates, us[rounds / 2], us[0]);
    }
}
