package dev.umwelt.sensors.audio;

/**
 * In-place iterative radix-2 complex FFT of one fixed power-of-two size, on primitive arrays.
 * Twiddles and the bit-reversal table are computed once per instance, so a feature extractor
 * reuses one Fft per frame size and allocates nothing per frame. The tables are read-only, so one
 * instance may be shared between threads; the data arrays are the caller's.
 */
public final class Fft {
    private final int n;
    private final int[] reverse;
    private final double[] cos, sin;

    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("size must be a power of two >= 2: " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reverse = new int[n];
        for (int i = 0; i < n; i++) reverse[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
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
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * stride], wi = sign * sin[k * stride];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
