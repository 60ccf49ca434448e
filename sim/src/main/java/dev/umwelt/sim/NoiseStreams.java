package dev.umwelt.sim;

import java.util.SplittableRandom;

/**
 * One independent random stream per noise source, each derived from the episode seed and the
 * source's fixed name, so adding a sensor never changes another sensor's noise.
 * SplittableRandom's nextGaussian is Java 17's ziggurat (fast, unlike java.util.Random's).
 */
public final class NoiseStreams {
    public static final String WHEEL_SLIP = "wheel-slip";
    public static final String LIDAR = "lidar";
    public static final String ODOMETRY = "odometry";
    public static final String CAMERA = "camera";
    public static final String AUDIO = "audio";

    private NoiseStreams() {}

    public static SplittableRandom stream(long seed, String source) {
        // Mix the name's hash through SplitMix64's finalizer so nearby seeds and names diverge.
        return new SplittableRandom(mix64(seed ^ mix64(0x9E3779B97F4A7C15L * (source.hashCode() + 1L))));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
