package dev.umwelt.bus.robot;

/**
 * Wheel slip: each wheel's achieved speed is its commanded speed times (1 + N(0, slipStddev)),
 * drawn once per physics step.
 */
public record MotionNoise(double slipStddev) {
    public static final MotionNoise NONE = new MotionNoise(0);
}
