package dev.umwelt.bus.robot;

import dev.umwelt.bus.yaml.Bound;

import java.util.List;

/**
 * Ranges of a robot's sensors ({@code LidarSpec}, {@code OdometrySpec}, {@code CameraSpec},
 * {@code MicrophoneSpec}); a scenario's {@code sensors:} overrides obey the same ones. Mount
 * offsets stay within 10 m of base_link; angles are degrees as written.
 */
public final class SensorBounds {
    private SensorBounds() {}

    static final String MOUNT_WHY = "a mount on the robot, within 10 m of base_link";
    static final Bound LIDAR_MOUNT_X = Bound.of("sensors.lidar.mount.x", -10, 10, "m", MOUNT_WHY);
    static final Bound LIDAR_MOUNT_Y = Bound.of("sensors.lidar.mount.y", -10, 10, "m", MOUNT_WHY);
    static final Bound LIDAR_MOUNT_YAW = Bound.of("sensors.lidar.mount.yaw", -360, 360, "degrees", "one turn either way");
    static final Bound LIDAR_RATE = Bound.of("sensors.lidar.rate", 1, 1000, "Hz", "real scanners turn at 5-40 Hz");
    static final Bound LIDAR_BEAMS = Bound.whole("sensors.lidar.beams", 1, 10_000, "",
            "a scan is one float per beam; 10000 is 0.036 degree spacing");
    static final Bound LIDAR_ANGLE_MIN = Bound.of("sensors.lidar.angleMin", -360, 360, "degrees",
            "span angleMax - angleMin in (0, 360]");
    static final Bound LIDAR_ANGLE_MAX = Bound.of("sensors.lidar.angleMax", -360, 360, "degrees", "as angleMin");
    static final Bound LIDAR_RANGE_MIN = Bound.of("sensors.lidar.rangeMin", 0, 100, "m", "below rangeMax");
    static final Bound LIDAR_RANGE_MAX = Bound.of("sensors.lidar.rangeMax", 0.01, 1000, "m",
            "long-range scanners reach 300 m; the world is at most 2 km across");
    static final Bound LIDAR_NOISE = Bound.of("sensors.lidar.noise", 0, 10, "m", "range stddev");
    static final Bound LIDAR_DROPOUT = Bound.of("sensors.lidar.dropout", 0, 1, "", "a probability");

    static final Bound ODOMETRY_RATE = Bound.of("sensors.odometry.rate", 1, 10_000, "Hz", "wheel encoders up to 10 kHz");
    static final Bound ODOMETRY_SCALE_ERROR = Bound.of("sensors.odometry.distanceScaleError", -0.9, 0.9, "",
            "the factor 1 + error stays positive");
    static final Bound ODOMETRY_YAW_DRIFT = Bound.of("sensors.odometry.yawDriftPerMetre", -90, 90, "degrees/m",
            "a quarter turn per metre is already useless odometry");
    static final Bound ODOMETRY_NOISE = Bound.of("sensors.odometry.noise", 0, 1, "", "stddev, a fraction of each increment");

    static final Bound CAMERA_X = Bound.of("sensors.camera.x", -10, 10, "m", MOUNT_WHY);
    static final Bound CAMERA_Y = Bound.of("sensors.camera.y", -10, 10, "m", MOUNT_WHY);
    static final Bound CAMERA_Z = Bound.of("sensors.camera.z", -10, 10, "m", MOUNT_WHY);
    static final Bound CAMERA_PITCH = Bound.of("sensors.camera.pitch", -90, 90, "degrees", "straight up to straight down");
    static final Bound CAMERA_RATE = Bound.of("sensors.camera.rate", 1, 240, "Hz", "robot cameras run at 5-120 fps");
    static final Bound CAMERA_WIDTH = Bound.whole("sensors.camera.width", 1, 4096, "pixels",
            "4096 x 4096 RGB is 48 MiB a frame, within every GL's framebuffer limit");
    static final Bound CAMERA_HEIGHT = Bound.whole("sensors.camera.height", 1, 4096, "pixels", "as width");
    static final Bound CAMERA_FOV = Bound.of("sensors.camera.horizontalFov", 1, 179, "degrees", "a pinhole camera sees < 180");

    static final String MIC_WHY = "a microphone on the robot, within 10 m of base_link";
    static final Bound MIC_X = Bound.of("sensors.microphones[].x", -10, 10, "m", MIC_WHY);
    static final Bound MIC_Y = Bound.of("sensors.microphones[].y", -10, 10, "m", MIC_WHY);
    static final Bound MIC_Z = Bound.of("sensors.microphones[].z", -10, 10, "m", MIC_WHY);
    /** Each microphone is a channel of every audio chunk. */
    static final int MAX_MICROPHONES = 16;

    public static final List<Bound> ALL = List.of(LIDAR_MOUNT_X, LIDAR_MOUNT_Y, LIDAR_MOUNT_YAW, LIDAR_RATE, LIDAR_BEAMS,
            LIDAR_ANGLE_MIN, LIDAR_ANGLE_MAX, LIDAR_RANGE_MIN, LIDAR_RANGE_MAX, LIDAR_NOISE, LIDAR_DROPOUT,
            ODOMETRY_RATE, ODOMETRY_SCALE_ERROR, ODOMETRY_YAW_DRIFT, ODOMETRY_NOISE,
            CAMERA_X, CAMERA_Y, CAMERA_Z, CAMERA_PITCH, CAMERA_RATE, CAMERA_WIDTH, CAMERA_HEIGHT, CAMERA_FOV,
            MIC_X, MIC_Y, MIC_Z);
}
