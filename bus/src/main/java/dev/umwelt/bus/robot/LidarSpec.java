package dev.umwelt.bus.robot;

import dev.umwelt.bus.Pose2D;

/**
 * A planar lidar mounted at {@code mount} in base_link. Beams are evenly spaced from
 * {@code angleMin} to {@code angleMax} inclusive (radians, counter-clockwise) unless the field
 * of view is a full turn, in which case the last beam stops one increment short of the first.
 * Each range gets N(0, noiseStddev) metres of noise; each beam is lost (NaN) with probability
 * {@code dropoutProbability}.
 */
public record LidarSpec(Pose2D mount, double rateHz, int beams, double angleMin, double angleMax,
                        double rangeMin, double rangeMax, double noiseStddev, double dropoutProbability) {

    public double angleIncrement() {
        double fov = angleMax - angleMin;
        boolean fullTurn = fov >= 2 * Math.PI - 1e-9;
        return beams <= 1 ? 0 : fov / (fullTurn ? beams : beams - 1);
    }

    public LidarSpec withNoise(double stddev, double dropout) {
        return new LidarSpec(mount, rateHz, beams, angleMin, angleMax, rangeMin, rangeMax, stddev, dropout);
    }
}
