package dev.umwelt.bus.robot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the runtime knows about a robot's body, read from its description file. The
 * shield, world model, renderer, bridge and policies read the robot from here, never from
 * constants. {@code camera} is null for robots without one.
 */
public record RobotDescription(
        String name,
        Path source,
        double footprintRadius,
        double wheelbase,
        double massKg,
        double safetyMargin,
        MotionLimits limits,
        MotionNoise motionNoise,
        double controlRateHz,
        double commandTimeoutSeconds,
        LidarSpec lidar,
        OdometrySpec odometry,
        CameraSpec camera,
        List<MicrophoneSpec> microphones) {

    public RobotDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(motionNoise, "motionNoise");
        Objects.requireNonNull(lidar, "lidar");
        Objects.requireNonNull(odometry, "odometry");
        microphones = List.copyOf(microphones);
    }

    public Optional<CameraSpec> cameraSpec() {
        return Optional.ofNullable(camera);
    }

    public long controlPeriodNanos() {
        return Math.round(1e9 / controlRateHz);
    }

    public long commandTimeoutNanos() {
        return Math.round(commandTimeoutSeconds * 1e9);
    }

    /** Radius used to inflate obstacles for planning: footprint plus safety margin. */
    public double inflationRadius() {
        return footprintRadius + safetyMargin;
    }

    public RobotDescription withLidar(LidarSpec l) {
        return new RobotDescription(name, source, footprintRadius, wheelbase, massKg, safetyMargin, limits, motionNoise,
                controlRateHz, commandTimeoutSeconds, l, odometry, camera, microphones);
    }

    public RobotDescription withOdometry(OdometrySpec o) {
        return new RobotDescription(name, source, footprintRadius, wheelbase, massKg, safetyMargin, limits, motionNoise,
                controlRateHz, commandTimeoutSeconds, lidar, o, camera, microphones);
    }

    public RobotDescription withCamera(CameraSpec c) {
        return new RobotDescription(name, source, footprintRadius, wheelbase, massKg, safetyMargin, limits, motionNoise,
                controlRateHz, commandTimeoutSeconds, lidar, odometry, c, microphones);
    }

    public RobotDescription withMotionNoise(MotionNoise n) {
        return new RobotDescription(name, source, footprintRadius, wheelbase, massKg, safetyMargin, limits, n,
                controlRateHz, commandTimeoutSeconds, lidar, odometry, camera, microphones);
    }
}
