package dev.umwelt.sensors.fault;

import dev.umwelt.bus.observation.Modality;

/**
 * What a healthy stream of one modality looks like, from the robot description: its period,
 * the latest a reading may arrive after it was complete (its stamp; an audio chunk's last sample),
 * the delivery granularity (readings arrive in batches once per control tick), and for content
 * checks the lidar's beam count and noise, the camera's image size, or the microphones' channel
 * count and sample rate (0: not checked). An audio chunk's expected length is one period.
 */
public record SensorExpectation(Modality modality, long periodNanos, long maxLatencyNanos, long deliveryNanos,
                                int beams, double noiseStddev, int width, int height, int channels, int sampleRate) {
    public SensorExpectation {
        if (periodNanos <= 0 || maxLatencyNanos <= 0 || deliveryNanos < 0) {
            throw new IllegalArgumentException(modality.key() + ": periods must be positive");
        }
    }

    public static SensorExpectation lidar(double rateHz, long deliveryNanos, int beams, double noiseStddev) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.LIDAR, p, maxLatency(p, deliveryNanos), deliveryNanos, beams, noiseStddev, 0, 0, 0, 0);
    }

    public static SensorExpectation camera(double rateHz, long deliveryNanos, int width, int height) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.CAMERA, p, maxLatency(p, deliveryNanos), deliveryNanos, 0, 0, width, height, 0, 0);
    }

    public static SensorExpectation odometry(double rateHz, long deliveryNanos) {
        long p = period(rateHz);
        return new SensorExpectation(Modality.ODOMETRY, p, maxLatency(p, deliveryNanos), deliveryNanos, 0, 0, 0, 0, 0, 0);
    }

    /** Microphones delivering a gapless stream of {@code chunkSeconds} chunks: the period is one chunk. */
    public static SensorExpectation audio(double chunkSeconds, int sampleRate, int channels, long deliveryNanos) {
        long p = Math.round(chunkSeconds * 1e9);
        return new SensorExpectation(Modality.AUDIO, p, maxLatency(p, deliveryNanos), deliveryNanos, 0, 0, 0, 0, channels, sampleRate);
    }

    /** The samples per channel of one chunk (audio). */
    public int chunkFrames() {
        return (int) Math.round(periodNanos * (double) sampleRate / 1e9);
    }

    private static long maxLatency(long period, long delivery) {
        return FaultDetector.LATENCY_PERIODS * period + delivery;
    }

    private static long period(double rateHz) {
        return Math.round(1e9 / rateHz);
    }
}
