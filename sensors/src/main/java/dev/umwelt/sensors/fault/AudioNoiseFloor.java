package dev.umwelt.sensors.fault;

import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.sensors.Selection;
import dev.umwelt.sensors.audio.Fft;

/**
 * The white-noise level of an audio chunk, in PCM16 levels (RMS): the median power over the
 * frequency bins of Hann-windowed frames of every channel. Tones, beeps and speech fill few
 * bins, so the median stays at the noise floor under them (a second difference in time would
 * read a loud high tone as noise). For white Gaussian noise of sigma s each bin's power is
 * exponential with mean s^2 sum(w^2), whose median is ln 2 times that. Not thread-safe: scratch
 * buffers are reused (one per detector).
 */
final class AudioNoiseFloor {
    /** Frame length (samples); shorter chunks use the largest power of two that fits. */
    static final int FRAME = 512;
    private static final int MIN_FRAME = 16;

    private Fft fft;
    private double[] re, im, window, powers = new double[0];
    private double windowEnergy;

    /** Estimated noise sigma in levels; 0 when the chunk is too short to say. */
    double sigma(AudioChunk c) {
        int frames = c.frames(), channels = c.channels();
        int n = Math.min(FRAME, Integer.highestOneBit(Math.max(1, frames)));
        if (n < MIN_FRAME) return 0;
        prepare(n);
        int perChannel = frames / n, bins = n / 2 - 1; // DC and Nyquist are not exponential
        int total = channels * perChannel * bins;
        if (powers.length < total) powers = new double[total];
        short[] s = c.samples();
        int k = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int f = 0; f < perChannel; f++) {
                for (int i = 0; i < n; i++) {
                    re[i] = s[(f * n + i) * channels + ch] * window[i];
                    im[i] = 0;
                }
                fft.forward(re, im);
                for (int b = 1; b <= bins; b++) powers[k++] = re[b] * re[b] + im[b] * im[b];
            }
        }
        double median = Selection.nth(powers, k, k / 2);
        return Math.sqrt(median / (Math.log(2) * windowEnergy));
    }

    private void prepare(int n) {
        if (fft != null && fft.size() == n) return;
        fft = new Fft(n);
        re = new double[n];
        im = new double[n];
        window = new double[n];
        windowEnergy = 0;
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            windowEnergy += window[i] * window[i];
        }
    }
}
