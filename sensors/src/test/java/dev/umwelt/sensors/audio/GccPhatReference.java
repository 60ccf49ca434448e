package dev.umwelt.sensors.audio;

import dev.umwelt.bus.sensing.AudioChunk;

import java.util.Arrays;
import java.util.Optional;

/**
 * The straightforward GCC-PHAT of GccPhatBearing before it was made cheaper, kept as the test
 * reference: two forward FFTs per frame, gate on Math.hypot magnitudes with a full sort for the
 * median, and the whole 4x zero-padded inverse FFT, searched within the physically possible lags.
 */
final class GccPhatReference {
    public static final int UPSAMPLE = 4;
    public static final int DEFAULT_FRAME = 512;
    public static final double DEFAULT_GATE_DB = 20, DEFAULT_MIN_LEVEL_DBFS = -90;

    private final int sampleRate, frame, nfft, nUp;
    private final double spacing, gateDb, minRms;
    private final Fft fft, ifft;
    private final double[] hann, r1, i1, r2, i2, gr, gi, mag, ur, ui;

    GccPhatReference(int sampleRate, double micSpacing, int frameSize, double gateDb, double minLevelDbfs) {
        if (!(micSpacing > 0)) throw new IllegalArgumentException("micSpacing must be positive");
        this.sampleRate = sampleRate;
        this.spacing = micSpacing;
        this.frame = frameSize;
        this.nfft = 2 * frameSize;
        this.nUp = UPSAMPLE * nfft;
        this.gateDb = gateDb;
        this.minRms = Math.pow(10, minLevelDbfs / 20);
        this.fft = new Fft(nfft);
        this.ifft = new Fft(nUp);
        hann = new double[frame];
        for (int i = 0; i < frame; i++) hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame);
        r1 = new double[nfft]; i1 = new double[nfft]; r2 = new double[nfft]; i2 = new double[nfft];
        gr = new double[nfft / 2 + 1]; gi = new double[nfft / 2 + 1]; mag = new double[nfft / 2 + 1];
        ur = new double[nUp]; ui = new double[nUp];
    }

    GccPhatReference(int sampleRate, double micSpacing) {
        this(sampleRate, micSpacing, DEFAULT_FRAME, DEFAULT_GATE_DB, DEFAULT_MIN_LEVEL_DBFS);
    }

    /** Channels named {@code first} and {@code second} (e.g. mic_left, mic_right) of a chunk. */
    public Optional<Bearing> estimate(AudioChunk chunk, String first, String second) {
        int a = chunk.channelFrames().indexOf(first), b = chunk.channelFrames().indexOf(second);
        if (a < 0 || b < 0) throw new IllegalArgumentException("chunk has channels " + chunk.channelFrames()
                + ", not " + first + " and " + second);
        int ch = chunk.channels(), n = chunk.frames();
        double[] x1 = new double[n], x2 = new double[n];
        short[] s = chunk.samples();
        for (int i = 0; i < n; i++) {
            x1[i] = s[i * ch + a] / 32768.0;
            x2[i] = s[i * ch + b] / 32768.0;
        }
        return estimate(x1, x2, n);
    }

    /** Samples in full-scale units; the first {@code n} of each are used. Not thread-safe (scratch arrays). */
    public Optional<Bearing> estimate(double[] x1, double[] x2, int n) {
        if (n < frame) return Optional.empty();
        double e1 = 0, e2 = 0;
        for (int i = 0; i < n; i++) { e1 += x1[i] * x1[i]; e2 += x2[i] * x2[i]; }
        if (Math.sqrt(Math.min(e1, e2) / n) < minRms) return Optional.empty();

        int bins = nfft / 2 + 1, hop = frame / 2;
        Arrays.fill(gr, 0);
        Arrays.fill(gi, 0);
        for (int o = 0; o + frame <= n; o += hop) {
            for (int i = 0; i < frame; i++) { r1[i] = x1[o + i] * hann[i]; r2[i] = x2[o + i] * hann[i]; }
            Arrays.fill(r1, frame, nfft, 0); Arrays.fill(r2, frame, nfft, 0);
            Arrays.fill(i1, 0); Arrays.fill(i2, 0);
            fft.forward(r1, i1);
            fft.forward(r2, i2);
            for (int k = 0; k < bins; k++) { // X2 conj(X1)
                gr[k] += r2[k] * r1[k] + i2[k] * i1[k];
                gi[k] += i2[k] * r1[k] - r2[k] * i1[k];
            }
        }
        for (int k = 0; k < bins; k++) mag[k] = Math.hypot(gr[k], gi[k]);
        double[] sorted = Arrays.copyOfRange(mag, 1, bins);
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length / 2] * Math.pow(10, gateDb / 10);

        Arrays.fill(ur, 0);
        Arrays.fill(ui, 0);
        int coherent = 0;
        for (int k = 1; k < bins - 1; k++) { // DC and Nyquist carry no delay information
            if (!(mag[k] > threshold) || mag[k] == 0) continue;
            coherent++;
            double wr = gr[k] / mag[k], wi = gi[k] / mag[k];
            ur[k] = wr; ui[k] = wi;
            ur[nUp - k] = wr; ui[nUp - k] = -wi; // Hermitian: the correlation is real
        }
        if (coherent == 0) return Optional.empty();
        ifft.inverse(ur, ui);

        double maxTdoa = spacing / GccPhatBearing.SPEED_OF_SOUND;
        int maxLag = Math.min(nUp / 2 - 2, (int) Math.ceil(maxTdoa * sampleRate * UPSAMPLE) + 1);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double v = ur[Math.floorMod(lag, nUp)];
            if (v > bestValue) { bestValue = v; best = lag; }
        }
        double ym = ur[Math.floorMod(best - 1, nUp)], y0 = bestValue, yp = ur[Math.floorMod(best + 1, nUp)];
        double den = ym - 2 * y0 + yp;
        double delta = den < 0 ? 0.5 * (ym - yp) / den : 0; // vertex of the parabola through 3 points
        double tdoa = (best + Math.max(-0.5, Math.min(0.5, delta))) / ((double) sampleRate * UPSAMPLE);
        double sin = Math.max(-1, Math.min(1, GccPhatBearing.SPEED_OF_SOUND * tdoa / spacing));
        return Optional.of(new Bearing(Math.asin(sin), tdoa, coherent));
    }
}
