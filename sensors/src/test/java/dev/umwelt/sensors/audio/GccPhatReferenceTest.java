package dev.umwelt.sensors.audio;

import dev.umwelt.bus.sensing.AudioChunk;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The packed-FFT, lag-window GccPhatBearing against the plain algorithm (GccPhatReference). */
class GccPhatReferenceTest {
    private static final int RATE = 16000;

    /** x delayed by {@code delay} samples (circular, exact frequency-domain shift). */
    static double[] delayed(double[] x, double delay) {
        int n = x.length;
        double[] re = x.clone(), im = new double[n];
        Fft f = new Fft(n);
        f.forward(re, im);
        for (int k = 0; k < n; k++) {
            double w = 2 * Math.PI * (k <= n / 2 ? k : k - n) / n * delay, c = Math.cos(w), s = -Math.sin(w);
            double nr = re[k] * c - im[k] * s;
            im[k] = re[k] * s + im[k] * c;
            re[k] = nr;
        }
        f.inverse(re, im);
        return re;
    }

    private static void assertSame(Optional<Bearing> expected, Optional<Bearing> actual, String what) {
        assertEquals(expected.isPresent(), actual.isPresent(), what);
        if (expected.isEmpty()) return;
        Bearing e = expected.get(), a = actual.get();
        assertEquals(e.coherentBins(), a.coherentBins(), what);
        // 1e-3 of a 4x-upsampled lag step: rounding only
        assertEquals(e.tdoaSeconds(), a.tdoaSeconds(), 1e-3 / (4.0 * RATE), what);
        assertEquals(e.lateralRadians(), a.lateralRadians(), 1e-4, what);
    }

    @Test
    void matchesTheReferenceOnRandomBroadbandSignalsAndDelays() {
        SplittableRandom r = new SplittableRandom(11);
        double[][] gates = {{20, -90}, {3, -90}, {10, -60}};
        int estimates = 0;
        for (int trial = 0; trial < 60; trial++) {
            double[] gate = gates[trial % gates.length];
            double spacing = 0.1 + 0.3 * r.nextDouble();
            GccPhatBearing fast = new GccPhatBearing(RATE, spacing, 512, gate[0], gate[1]);
            GccPhatReference ref = new GccPhatReference(RATE, spacing, 512, gate[0], gate[1]);
            int n = 2048, used = 512 + r.nextInt(1537);
            double level = Math.pow(10, -(r.nextDouble() * 60) / 20), snr = r.nextDouble() * 30 - 5;
            double[] s = new double[n];
            // coloured (one-pole low-pass) so that bins stand above the median: white noise has none
            double pole = trial % 5 == 4 ? 0 : 0.5 + 0.47 * r.nextDouble(), y = 0;
            for (int i = 0; i < n; i++) s[i] = level * (y = pole * y + r.nextGaussian());
            double maxDelay = spacing / GccPhatBearing.SPEED_OF_SOUND * RATE;
            double delay = (2 * r.nextDouble() - 1) * maxDelay;
            double[] x1 = s.clone(), x2 = delayed(s, delay);
            double noise = level * Math.pow(10, -snr / 20);
            for (int i = 0; i < n; i++) { x1[i] += noise * r.nextGaussian(); x2[i] += noise * r.nextGaussian(); }
            String what = "trial " + trial + ", delay " + delay + ", gate " + Arrays.toString(gate) + ", snr " + snr;
            Optional<Bearing> expected = ref.estimate(x1, x2, used);
            assertSame(expected, fast.estimate(x1, x2, used), what);
            if (expected.isPresent()) estimates++;
            // the instance reuses its buffers: a second call on other data is still right
            assertSame(ref.estimate(x2, x1, used), fast.estimate(x2, x1, used), what + " (swapped)");
        }
        assertTrue(estimates >= 30, estimates + " of 60 trials gave an estimate");
    }

    @Test
    void matchesTheReferenceOnBenchmarkChunksIncludingNoiseOnlyAndSilence() {
        AudioChunk[] chunks = GccPhatBenchmark.chunks(48, 3);
        GccPhatBearing fast = new GccPhatBearing(RATE, 0.2);
        GccPhatReference ref = new GccPhatReference(RATE, 0.2);
        int empty = 0;
        for (int i = 0; i < chunks.length; i++) {
            Optional<Bearing> expected = ref.estimate(chunks[i], "mic_left", "mic_right");
            assertSame(expected, fast.estimate(chunks[i], "mic_left", "mic_right"), "chunk " + i);
            if (expected.isEmpty()) empty++;
        }
        assertEquals(6, empty, "every 8th chunk is noise only");
        double[] silence = new double[1600];
        assertTrue(fast.estimate(silence, silence, 1600).isEmpty());
        assertTrue(fast.estimate(silence, silence, 100).isEmpty());
    }
}
