package dev.umwelt.sensors.audio;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two size, on primitive arrays.
 * Twiddles (contiguous per stage) and the bit-reversal table are computed once per instance, so a feature extractor
 * reuses one Fft per frame size and allocates nothing per frame. The tables are read-only, so one
 * instance may be shared between threads; the data arrays are the caller's.
 */
public final class Fft {
    private final int n;
    private final int[] reverse;
    /** Twiddles per stage, contiguous: for a stage of half-size h, index h + k holds e^{2 pi i k / 2h}. */
    private final double[] cos, sin;

    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("size must be a power of two >= 2: " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reverse = new int[n];
        for (int i = 0; i < n; i++) reverse[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new double[n];
        sin = new double[n];
        for (int half = 1; half < n; half <<= 1) {
            int stride = n / (2 * half);
            for (int k = 0; k < half; k++) { // the same values as a table of e^{2 pi i j / n} at j = k * stride
                cos[half + k] = Math.cos(2 * Math.PI * (k * stride) / n);
                sin[half + k] = Math.sin(2 * Math.PI * (k * stride) / n);
            }
        }
    }

    public int size() {
        return n;
    }

    /** Forward transform, X[k] = sum x[t] e^{-2 pi i k t / n}. */
    public void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** Inverse transform including the 1/n scale. */
    public void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double k = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= k;
            im[i] *= k;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        for (int i = 0; i < n; i++) {
            int j = reverse[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int a = 0; a + 1 < n; a += 2) { // first stage: twiddle 1
            double xr = re[a + 1], xi = im[a + 1];
            re[a + 1] = re[a] - xr;
            im[a + 1] = im[a] - xi;
            re[a] += xr;
            im[a] += xi;
        }
        for (int len = 4; len <= n; len <<= 1) {
            int half = len >> 1;
            if (half < 32) { // few twiddles, many blocks: load each twiddle once
                for (int k = 0; k < half; k++) {
                    double wr = cos[half + k], wi = sign * sin[half + k];
                    for (int a = k; a < n; a += len) butterfly(re, im, a, a + half, wr, wi);
                }
            } else {
                for (int start = 0; start < n; start += len) {
                    for (int k = 0; k < half; k++) {
                        butterfly(re, im, start + k, start + k + half, cos[half + k], sign * sin[half + k]);
                    }
                }
            }
        }
    }

    private static void butterfly(double[] re, double[] im, int a, int b, double wr, double wi) {
        double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
    }
}
