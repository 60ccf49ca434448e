package dev.umwelt.sensors.audio;

import dev.umwelt.bus.time.Clock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AudioFeaturesTest {
    @Test
    void fftMatchesTheDefinitionAndInverts() {
        int n = 64;
        double[] re = new double[n], im = new double[n], x = new double[n];
        for (int i = 0; i < n; i++) x[i] = re[i] = Math.sin(0.3 * i) + 0.1 * i;
        Fft f = new Fft(n);
        f.forward(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) { sr += x[t] * Math.cos(2 * Math.PI * k * t / n); si -= x[t] * Math.sin(2 * Math.PI * k * t / n); }
            assertEquals(sr, re[k], 1e-9);
            assertEquals(si, im[k], 1e-9);
        }
        f.inverse(re, im);
        for (int i = 0; i < n; i++) assertEquals(x[i], re[i], 1e-12);
    }

    @Test
    void logMelPeaksInTheBandOfATone() {
        LogMel m = LogMel.standard(16000);
        double[] x = new double[16000];
        for (int i = 0; i < x.length; i++) x[i] = 0.1 * Math.sin(2 * Math.PI * 1000 * i / 16000.0);
        float[][] f = m.compute(x, 0, x.length);
        assertEquals(98, f.length); // 1 + (16000 - 400) / 160
        int best = 0;
        for (int b = 1; b < 40; b++) if (f[10][b] > f[10][best]) best = b;
        double lo = LogMel.hz(LogMel.mel(8000) * best / 41), hi = LogMel.hz(LogMel.mel(8000) * (best + 2) / 41);
        assertTrue(lo < 1000 && 1000 < hi, "band " + best + " [" + lo + ", " + hi + "]");
        float[][] silent = m.compute(new double[800], 0, 800);
        assertEquals((float) Math.log(LogMel.FLOOR), silent[0][0]);
    }

    @Test
    void gccPhatFindsAnIntegerAndAFractionalDelay() {
        // broadband noise delayed by 3.4 samples via an exact frequency-domain shift
        int n = 2048;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
        double delay = 3.4;
        double[] later = GccPhatReferenceTest.delayed(a, delay);
        Bearing b = new GccPhatBearing(16000, 0.2, 512, 3, -90).estimate(a, later, 1600).orElseThrow();
        assertEquals(delay / 16000, b.tdoaSeconds(), 0.1 / 16000);
    }

    @Test
    void noCaptureDeviceIsAClearError() {
        Clock clock = () -> Clock.SIM_EPOCH_NANOS;
        try (MicrophoneAdapter m = MicrophoneAdapter.open(clock, 1600, "mic")) {
            // a machine with a microphone: it must deliver a chunk of the asked size
            assertEquals(1600, m.read().frames());
        } catch (NoCaptureDeviceException e) {
            assertTrue(e.getMessage().startsWith("no audio capture device: "), e.getMessage());
            assertTrue(e.getMessage().contains("16000.0 Hz"), e.getMessage());
            System.out.println(e.getMessage());
        }
    }
}
