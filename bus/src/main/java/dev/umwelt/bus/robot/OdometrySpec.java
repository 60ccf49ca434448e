package dev.umwelt.bus.robot;

/**
 * Wheel odometry published at {@code rateHz}. Drift is systematic, as on real wheels: travelled
 * distance is misread by the factor {@code (1 + distanceScaleError)} and heading gains
 * {@code yawDriftPerMetre} radians per metre travelled; plus white noise of
 * {@code noiseStddev} (fraction of each increment).
 */
public record OdometrySpec(double rateHz, double distanceScaleError, double yawDriftPerMetre, double noiseStddev) {
    public static OdometrySpec perfect(double rateHz) {
        return new OdometrySpec(rateHz, 0, 0, 0);
    }
}
