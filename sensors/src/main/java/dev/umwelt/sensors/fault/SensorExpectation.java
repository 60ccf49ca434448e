package dev.umwelt.sensors.fault;

import dev.umwelt.bus.observation.Modality;

/**
 * What a healthy stream of one modality looks like, from the robot description: its period,
 * the latest a reading may arrive after its stamp, the delivery granularity (readings arrive
 * in batches once per control tick), and for content checks the lidar's beam count and noise
 * or the camera's image size (0: not checked).
 */
public record SensorExpectation(Modality modality, long periodNanos, long maxLatencyNanos, long deliveryNanos,
                                int beams, double noiseStddev, int width, int height) {
    public SensorExpectation {
        if (periodNanos <= 0 || maxLatencyNanos <= 0 || deliveryNanos < 0) {
            throw new IllegalArgumentException(modality.key() + ": periods must be positive");
        }
    }

    public static SensorExpectation lidar(double rateHz, long deliveryNanos, int beams, double noiseStddev) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.LIDAR, p, FaultDetector.LATENCY_PERIODS * p + deliveryNanos, deliveryNanos,
                beams, noiseStddev, 0, 0);
    }

    public static SensorExpectation camera(double rateHz, long deliveryNanos, int width, int height) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.CAMERA, p, FaultDetector.LATENCY_PERIODS * p + deliveryNanos, deliveryNanos,
                0, 0, width, height);
    }

    public static SensorExpectation odometry(double rateHz, long deliveryNanos) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.ODOMETRY, p, FaultDetector.LATENCY_PERIODS * p + deliveryNanos, deliveryNanos,
                0, 0, 0, 0);
    }

    private static long period(double rateHz) {
        return Math.round(1e9 / rateHz);
    }
}
