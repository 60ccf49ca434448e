package dev.umwelt.sensors.audio;

import dev.umwelt.bus.sensing.AudioChunk;

/**
 * Log-mel spectrogram: Hann window of {@code windowSamples} every {@code hopSamples}, power
 * spectrum by FFT (window zero-padded to a power of two), {@code bands} triangular filters evenly
 * spaced on the HTK mel scale from 0 Hz to Nyquist, natural log of each band's energy (floored at
 * 1e-10 so silence is finite). Defaults: 25 ms window, 10 ms hop, 40 bands. Samples are in
 * full-scale units (PCM16 / 32768). Frames that do not fit entirely in the input are dropped.
 */
public final class LogMel {
    public static final double FLOOR = 1e-10;
    private final int window, hop, bands, fftSize;
    private final double[] hann;
    private final double[][] filters; // [band][bin 0..fftSize/2]
    private final int[] firstBin, lastBin;
    private final Fft fft;
    private final double[] re, im;

    public LogMel(int sampleRate, int windowSamples, int hopSamples, int bands) {
        if (windowSamples <= 0 || hopSamples <= 0 || bands <= 0) throw new IllegalArgumentException("sizes must be positive");
        this.window = windowSamples;
        this.hop = hopSamples;
        this.bands = bands;
        this.fftSize = Integer.highestOneBit(windowSamples - 1) << 1;
        this.fft = new Fft(Math.max(2, fftSize));
        this.re = new double[fftSize];
        this.im = new double[fftSize];
        this.hann = new double[window];
        for (int i = 0; i < window; i++) hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        int bins = fftSize / 2 + 1;
        filters = new double[bands][bins];
        firstBin = new int[bands];
        lastBin = new int[bands];
        double maxMel = mel(sampleRate / 2.0);
        for (int b = 0; b < bands; b++) {
            double lo = hz(maxMel * b / (bands + 1)), mid = hz(maxMel * (b + 1) / (bands + 1)), hi = hz(maxMel * (b + 2) / (bands + 1));
            firstBin[b] = bins;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / fftSize;
                double w = f <= lo || f >= hi ? 0 : f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                filters[b][k] = w;
                if (w > 0) {
                    firstBin[b] = Math.min(firstBin[b], k);
                    lastBin[b] = k;
                }
            }
        }
    }

    /** 25 ms window, 10 ms hop, 40 bands. */
    public static LogMel standard(int sampleRate) {
        return new LogMel(sampleRate, (int) Math.round(0.025 * sampleRate), (int) Math.round(0.010 * sampleRate), 40);
    }

    public int bands() { return bands; }

    public int frames(int samples) {
        return samples < window ? 0 : 1 + (samples - window) / hop;
    }

    /** Features of one channel of a chunk: [frame][band]. */
    public float[][] compute(AudioChunk chunk, int channel) {
        int ch = chunk.channels(), n = chunk.frames();
        double[] x = new double[n];
        short[] s = chunk.samples();
        for (int i = 0; i < n; i++) x[i] = s[i * ch + channel] / 32768.0;
        return compute(x, 0, n);
    }

    /** Features of x[from, from + length): [frame][band]. */
    public float[][] compute(double[] x, int from, int length) {
        int frames = frames(length);
        float[][] out = new float[frames][bands];
        for (int f = 0; f < frames; f++) {
            int o = from + f * hop;
            for (int i = 0; i < window; i++) re[i] = x[o + i] * hann[i];
            java.util.Arrays.fill(re, window, fftSize, 0);
            java.util.Arrays.fill(im, 0);
            fft.forward(re, im);
            for (int k = 0; k <= fftSize / 2; k++) re[k] = re[k] * re[k] + im[k] * im[k]; // power, in place
            for (int b = 0; b < bands; b++) {
                double e = 0;
                double[] w = filters[b];
                for (int k = firstBin[b]; k <= lastBin[b]; k++) e += w[k] * re[k];
                out[f][b] = (float) Math.log(Math.max(e, FLOOR));
            }
        }
        return out;
    }

    static double mel(double hz) { return 2595 * Math.log10(1 + hz / 700); }

    static double hz(double mel) { return 700 * (Math.pow(10, mel / 2595) - 1); }
}
