package dev.umwelt.sim.render;

import java.util.SplittableRandom;

/**
 * The camera model after read-back, on the CPU: an optional 3x3 Gaussian blur (lens/motion
 * softness), then per-pixel Gaussian noise (sensor noise) seeded per frame. Integer
 * arithmetic and a table of Gaussian samples keep it cheap (a Random.nextGaussian per channel
 * would cost more than the render) and bit-exact for a seed. One instance per render thread:
 * it owns scratch buffers.
 */
final class CameraEffects {
    /** 4096 standard-normal samples, fixed for the process: the noise's shape, not its seed. */
    private static final float[] GAUSS = new float[4096];

    static {
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < GAUSS.length; i++) {
            double u1 = 1 - r.nextDouble(), u2 = r.nextDouble(); // Box-Muller, deterministic
            GAUSS[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
    }

    private final int[] scaled = new int[GAUSS.length];
    private double scaledStd = -1;
    private int[] scratch = new int[0];

    /** Applies the style's blur and noise in place to an RGB8 top-row-first image. */
    void apply(byte[] rgb, int width, int height, RenderStyle style, long frameSeed) {
        if (style.blur()) blur(rgb, width, height);
        if (style.pixelNoiseStd() > 0) noise(rgb, style.pixelNoiseStd(), mix(style.seed(), frameSeed));
    }

    /** Separable [1 2 1] x [1 2 1] / 16 with clamped edges. */
    private void blur(byte[] rgb, int width, int height) {
        int n = rgb.length;
        if (scratch.length < n) scratch = new int[n];
        int[] t = scratch;
        int stride = 3 * width;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            for (int x = 0; x < width; x++) {
                int l = row + 3 * Math.max(0, x - 1), c = row + 3 * x, r = row + 3 * Math.min(width - 1, x + 1);
                for (int k = 0; k < 3; k++) t[c + k] = (rgb[l + k] & 255) + 2 * (rgb[c + k] & 255) + (rgb[r + k] & 255);
            }
        }
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * stride, row = y * stride, dn = Math.min(height - 1, y + 1) * stride;
            for (int i = 0; i < stride; i++) rgb[row + i] = (byte) ((t[up + i] + 2 * t[row + i] + t[dn + i] + 8) >> 4);
        }
    }

    private void noise(byte[] rgb, double std, long seed) {
        if (std != scaledStd) {
            for (int i = 0; i < GAUSS.length; i++) scaled[i] = (int) Math.round(GAUSS[i] * std);
            scaledStd = std;
        }
        long s = seed | 1;  // xorshift64 must not start at 0
        for (int i = 0; i < rgb.length; i++) {
            s ^= s << 13; s ^= s >>> 7; s ^= s << 17;
            int v = (rgb[i] & 255) + scaled[(int) (s >>> 52)];
            rgb[i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
        }
    }

    /** SplitMix64 finaliser of (style seed, frame seed): neighbouring frame seeds decorrelate. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
