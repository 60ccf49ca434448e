package dev.umwelt.sensors.audio;

import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.sensors.Selection;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lateral angle of a sound source from a microphone pair by GCC-PHAT.
 * <ol>
 *   <li>Frames of {@code frameSize} (Hann, hop frameSize/2), zero-padded to twice that so the
 *       circular correlation does not wrap; the cross-spectrum G[k] = X2[k] conj(X1[k]) is summed
 *       over frames (1 = first channel, e.g. mic_left). Both real channels go through one complex
 *       FFT (x1 + i x2) and are split by conjugate symmetry: X1[k] = (Z[k] + conj Z[-k]) / 2,
 *       X2[k] = (Z[k] - conj Z[-k]) / 2i.</li>
 *   <li>Energy gate, per bin: a bin counts only when |G[k]| exceeds the median |G| of the chunk
 *       (the noise floor) by {@code gateDb}. Noise is incoherent between the mics, so its summed
 *       cross-spectrum stays near the floor; a source's bins stand far above it. No bin above
 *       the gate (silence, noise only, a beep in its off phase) means no estimate, never a
 *       random angle. A chunk whose RMS is below {@code minLevelDbfs} is rejected first.</li>
 *   <li>PHAT weighting G/|G| on the gated bins only (zero elsewhere: whitening noise-only bins
 *       would let them vote); the correlation is evaluated at {@value #UPSAMPLE}x the sample rate
 *       (the lags of a {@value #UPSAMPLE}x zero-padded inverse FFT) but only at the physically
 *       possible lags |tau| <= d / c (and one beyond, for the parabola), by a direct sum over
 *       the gated bins: r(l) = sum Re(W[k] e^{2 pi i k l / N}), about 40 lags x the gated bins
 *       instead of a 4096-point inverse FFT. Peak, then parabolic refinement.</li>
 *   <li>theta = asin(c * tdoa / d), clamped to [-90, 90] deg.</li>
 * </ol>
 * A narrowband source (a tone) correlates as a cosine of its period; the lag is unambiguous only
 * when its period exceeds 2 d / c (d = 0.2 m: below ~850 Hz).
 * <p>
 * Not thread-safe: an instance owns its scratch buffers and allocates nothing per call after
 * the first (beyond the returned {@code Optional}); use one instance per thread, i.e. one per
 * robot's sound path. The results match the plain two-FFT, full-inverse-FFT algorithm (kept in
 * the tests as {@code GccPhatReference}) to rounding.
 */
public final class GccPhatBearing {
    public static final double SPEED_OF_SOUND = 343.0;
    public static final int UPSAMPLE = 4;
    public static final int DEFAULT_FRAME = 512;
    public static final double DEFAULT_GATE_DB = 20, DEFAULT_MIN_LEVEL_DBFS = -90;

    private final int sampleRate, frame, nfft, nUp, bins, maxLag;
    private final double spacing, minRms, gateFactor2;
    private final Fft fft;
    private final double[] hann, zr, zi, gr, gi, mag2, select, wr, wi, cosUp, sinUp, corr;
    private final int[] gatedBin;
    private double[] x1 = new double[0], x2 = new double[0];

    public GccPhatBearing(int sampleRate, double micSpacing, int frameSize, double gateDb, double minLevelDbfs) {
        if (!(micSpacing > 0)) throw new IllegalArgumentException("micSpacing must be positive");
        this.sampleRate = sampleRate;
        this.spacing = micSpacing;
        this.frame = frameSize;
        this.nfft = 2 * frameSize;
        this.nUp = UPSAMPLE * nfft;
        this.bins = nfft / 2 + 1;
        // |G| > median |G| * 10^(gateDb/10), compared on squared magnitudes
        this.gateFactor2 = Math.pow(10, gateDb / 5);
        this.minRms = Math.pow(10, minLevelDbfs / 20);
        this.fft = new Fft(nfft);
        double maxTdoa = spacing / SPEED_OF_SOUND;
        this.maxLag = Math.min(nUp / 2 - 2, (int) Math.ceil(maxTdoa * sampleRate * UPSAMPLE) + 1);
        hann = new double[frame];
        for (int i = 0; i < frame; i++) hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame);
        zr = new double[nfft]; zi = new double[nfft];
        gr = new double[bins]; gi = new double[bins]; mag2 = new double[bins]; select = new double[bins - 1];
        wr = new double[bins]; wi = new double[bins]; gatedBin = new int[bins];
        cosUp = new double[nUp]; sinUp = new double[nUp];
        for (int i = 0; i < nUp; i++) {
            cosUp[i] = Math.cos(2 * Math.PI * i / nUp);
            sinUp[i] = Math.sin(2 * Math.PI * i / nUp);
        }
        corr = new double[2 * maxLag + 3]; // lags -maxLag-1 .. maxLag+1
    }

    public GccPhatBearing(int sampleRate, double micSpacing) {
        this(sampleRate, micSpacing, DEFAULT_FRAME, DEFAULT_GATE_DB, DEFAULT_MIN_LEVEL_DBFS);
    }

    /** Channels named {@code first} and {@code second} (e.g. mic_left, mic_right) of a chunk. */
    public Optional<Bearing> estimate(AudioChunk chunk, String first, String second) {
        int a = chunk.channelFrames().indexOf(first), b = chunk.channelFrames().indexOf(second);
        if (a < 0 || b < 0) throw new IllegalArgumentException("chunk has channels " + chunk.channelFrames()
                + ", not " + first + " and " + second);
        int ch = chunk.channels(), n = chunk.frames();
        if (x1.length < n) { x1 = new double[n]; x2 = new double[n]; }
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

        crossSpectrum(x1, x2, n);
        System.arraycopy(mag2, 1, select, 0, bins - 1);
        double threshold2 = Selection.nth(select, select.length, select.length / 2) * gateFactor2;
        int coherent = 0;
        for (int k = 1; k < bins - 1; k++) { // DC and Nyquist carry no delay information
            if (!(mag2[k] > threshold2) || mag2[k] == 0) continue;
            double m = Math.sqrt(mag2[k]);
            gatedBin[coherent] = k;
            wr[coherent] = gr[k] / m;
            wi[coherent] = gi[k] / m;
            coherent++;
        }
        if (coherent == 0) return Optional.empty();
        correlateNearZero(coherent);

        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double v = corr[lag + maxLag + 1];
            if (v > bestValue) { bestValue = v; best = lag; }
        }
        double ym = corr[best + maxLag], y0 = bestValue, yp = corr[best + maxLag + 2];
        double den = ym - 2 * y0 + yp;
        double delta = den < 0 ? 0.5 * (ym - yp) / den : 0; // vertex of the parabola through 3 points
        double tdoa = (best + Math.max(-0.5, Math.min(0.5, delta))) / ((double) sampleRate * UPSAMPLE);
        double sin = Math.max(-1, Math.min(1, SPEED_OF_SOUND * tdoa / spacing));
        return Optional.of(new Bearing(Math.asin(sin), tdoa, coherent));
    }

    /** gr + i gi = sum over frames of X2 conj(X1); mag2 = |G|^2. One packed FFT per frame. */
    private void crossSpectrum(double[] x1, double[] x2, int n) {
        Arrays.fill(gr, 0);
        Arrays.fill(gi, 0);
        int hop = frame / 2, mask = nfft - 1;
        for (int o = 0; o + frame <= n; o += hop) {
            for (int i = 0; i < frame; i++) { zr[i] = x1[o + i] * hann[i]; zi[i] = x2[o + i] * hann[i]; }
            Arrays.fill(zr, frame, nfft, 0);
            Arrays.fill(zi, frame, nfft, 0);
            fft.forward(zr, zi);
            for (int k = 0; k < bins; k++) {
                int j = (nfft - k) & mask;
                double ar = zr[k], ai = zi[k], br = zr[j], bi = zi[j];
                double x1r = 0.5 * (ar + br), x1i = 0.5 * (ai - bi); // (Z[k] + conj Z[-k]) / 2
                double x2r = 0.5 * (ai + bi), x2i = 0.5 * (br - ar); // (Z[k] - conj Z[-k]) / 2i
                gr[k] += x2r * x1r + x2i * x1i;
                gi[k] += x2i * x1r - x2r * x1i;
            }
        }
        for (int k = 0; k < bins; k++) mag2[k] = gr[k] * gr[k] + gi[k] * gi[k];
    }

    /**
     * corr[l + maxLag + 1] = sum over gated bins of Re(W[k] e^{2 pi i k l / nUp}) for |l| <= maxLag + 1:
     * the 4x zero-padded inverse FFT of the Hermitian PHAT spectrum at those lags (up to the factor
     * 2 / nUp, which moves neither the peak nor the parabola). Lags l and -l share the cosine and
     * sine sums: Re(W e^{+-i t}) = wr cos t -+ wi sin t.
     */
    private void correlateNearZero(int coherent) {
        int mask = nUp - 1, mid = maxLag + 1;
        for (int l = 0; l <= maxLag + 1; l++) {
            double c = 0, s = 0;
            for (int g = 0; g < coherent; g++) {
                int idx = (gatedBin[g] * l) & mask;
                c += wr[g] * cosUp[idx];
                s += wi[g] * sinUp[idx];
            }
            corr[mid + l] = c - s;
            corr[mid - l] = c + s;
        }
    }
}
