package dev.umwelt.worldmodel.sound;

import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.sensors.audio.Fft;

/**
 * The level of the strongest narrowband component of a chunk (dB full scale, power summed over
 * channels) and how far it stands above the chunk's own noise floor (the median bin). Why not the
 * broadband RMS: generated emitters are tones and beeps with background noise only 15..25 dB
 * below their 1 m level, so the RMS hits the noise floor a few metres or one wall away; the tone's
 * own FFT bin (10 Hz wide at 16 kHz, 2048 points) sits ~27 dB higher above the white floor and
 * keeps the 1/r law audible through walls. Not thread-safe (scratch buffers). Measured once per
 * chunk by the world model, for its {@link ToneMap}.
 */
public final class ToneLevel {
    static final int N = 2048;
    static final double MIN_HZ = 150, MAX_HZ = 7000;
    private final Fft fft = new Fft(N);
    private final double[] re = new double[N], im = new double[N], power = new double[N / 2 + 1], sorted = new double[N / 2 + 1];
    private final double[] hann = new double[N];
    private double level = Double.NEGATIVE_INFINITY, snr = 0;

    public ToneLevel() {
        for (int i = 0; i < N; i++) hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
    }

    /** Measures one chunk; afterwards {@link #level()} and {@link #snrDb()} describe it. */
    public void measure(AudioChunk a) {
        int ch = a.channels(), n = Math.min(a.frames(), N);
        short[] s = a.samples();
        java.util.Arrays.fill(power, 0);
        for (int c = 0; c < ch; c++) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            // Centre the chunk in the window so that a short chunk still gets the taper's middle.
            int off = (N - n) / 2;
            for (int i = 0; i < n; i++) re[off + i] = s[i * ch + c] / 32768.0 * hann[off + i];
            fft.forward(re, im);
            for (int k = 0; k <= N / 2; k++) power[k] += re[k] * re[k] + im[k] * im[k];
        }
        int lo = (int) Math.ceil(MIN_HZ * N / a.sampleRate()), hi = Math.min(N / 2 - 2, (int) (MAX_HZ * N / a.sampleRate()));
        int best = lo;
        for (int k = lo; k <= hi; k++) if (power[k] > power[best]) best = k;
        double peak = power[best - 1] + power[best] + power[best + 1];
        System.arraycopy(power, lo, sorted, 0, hi - lo + 1);
        java.util.Arrays.sort(sorted, 0, hi - lo + 1);
        double floor = 3 * sorted[(hi - lo) / 2];
        // Scale so that a full-scale sine on one channel reads about 0 dB (only differences matter).
        double scale = 2.0 / (n * 0.5) / Math.sqrt(2);
        level = 10 * Math.log10(Math.max(peak * scale * scale, 1e-30));
        snr = 10 * Math.log10(Math.max(peak / Math.max(floor, 1e-30), 1e-30));
    }

    public double level() {
        return level;
    }

    public double snrDb() {
        return snr;
    }
}
