package dev.umwelt.bus.robot;

import dev.umwelt.bus.yaml.YamlNode;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads sensor blocks. Each reader takes a {@code base}: null when reading a robot description
 * (required fields must be present), or the robot's spec when a scenario overrides some fields
 * (every field then defaults to the robot's value). Angles are degrees in YAML, radians here.
 */
public final class SensorSpecs {
    public static final List<MicrophoneSpec> DEFAULT_MICROPHONES = List.of(
            new MicrophoneSpec(Frames.MIC_LEFT, 0, 0.1, 0.3), new MicrophoneSpec(Frames.MIC_RIGHT, 0, -0.1, 0.3));

    /** Microphones closer than this in x, y are one ear: 1 cm is a tenth of a phone's pair. */
    public static final double MIN_MIC_SPACING = 0.01;

    private SensorSpecs() {}

    public static LidarSpec lidar(YamlMap m, LidarSpec base) {
        m.allowOnly("mount", "rate", "beams", "angleMin", "angleMax", "rangeMin", "rangeMax", "noise", "dropout");
        Pose2D mount = base == null ? Pose2D.ORIGIN : base.mount();
        if (m.has("mount")) {
            YamlMap mm = m.requireMap("mount").allowOnly("x", "y", "yaw");
            mount = new Pose2D(mm.optionalDouble(SensorBounds.LIDAR_MOUNT_X, mount.x()),
                    mm.optionalDouble(SensorBounds.LIDAR_MOUNT_Y, mount.y()), mm.optionalDegrees(SensorBounds.LIDAR_MOUNT_YAW, mount.yaw()));
        }
        double rate = base == null ? m.requireDouble(SensorBounds.LIDAR_RATE) : m.optionalDouble(SensorBounds.LIDAR_RATE, base.rateHz());
        int beams = base == null ? m.requireInt(SensorBounds.LIDAR_BEAMS) : m.optionalInt(SensorBounds.LIDAR_BEAMS, base.beams());
        double angleMin = m.optionalDegrees(SensorBounds.LIDAR_ANGLE_MIN, base == null ? -Math.PI : base.angleMin());
        double angleMax = m.optionalDegrees(SensorBounds.LIDAR_ANGLE_MAX, base == null ? Math.PI : base.angleMax());
        if (!(angleMax > angleMin)) {
            throw at(m, "angleMax").error("must be greater than angleMin (" + fmt(Math.toDegrees(angleMin)) + " degrees)");
        }
        if (angleMax - angleMin > 2 * Math.PI + 1e-9) {
            throw at(m, "angleMax").error("field of view angleMax - angleMin must be at most 360 degrees");
        }
        double rangeMin = m.optionalDouble(SensorBounds.LIDAR_RANGE_MIN, base == null ? 0.1 : base.rangeMin());
        double rangeMax = base == null ? m.requireDouble(SensorBounds.LIDAR_RANGE_MAX)
                : m.optionalDouble(SensorBounds.LIDAR_RANGE_MAX, base.rangeMax());
        if (!(rangeMax > rangeMin)) {
            throw at(m, "rangeMax").error("must be greater than rangeMin (" + fmt(rangeMin) + "), got " + fmt(rangeMax));
        }
        double noise = m.optionalDouble(SensorBounds.LIDAR_NOISE, base == null ? 0 : base.noiseStddev());
        double dropout = m.optionalDouble(SensorBounds.LIDAR_DROPOUT, base == null ? 0 : base.dropoutProbability());
        return new LidarSpec(mount, rate, beams, angleMin, angleMax, rangeMin, rangeMax, noise, dropout);
    }

    public static OdometrySpec odometry(YamlMap m, OdometrySpec base) {
        m.allowOnly("rate", "distanceScaleError", "yawDriftPerMetre", "noise");
        double rate = base == null ? m.requireDouble(SensorBounds.ODOMETRY_RATE)
                : m.optionalDouble(SensorBounds.ODOMETRY_RATE, base.rateHz());
        double scale = m.optionalDouble(SensorBounds.ODOMETRY_SCALE_ERROR, base == null ? 0 : base.distanceScaleError());
        // Degrees per metre in YAML, radians per metre in the record.
        double drift = m.optionalDegrees(SensorBounds.ODOMETRY_YAW_DRIFT, base == null ? 0 : base.yawDriftPerMetre());
        double noise = m.optionalDouble(SensorBounds.ODOMETRY_NOISE, base == null ? 0 : base.noiseStddev());
        return new OdometrySpec(rate, scale, drift, noise);
    }

    public static MotionNoise motionNoise(YamlMap m, MotionNoise base) {
        m.allowOnly("slipStddev");
        return new MotionNoise(m.optionalDouble(RobotBounds.SLIP, base == null ? 0 : base.slipStddev()));
    }

    public static CameraSpec camera(YamlMap m) {
        m.allowOnly("x", "y", "z", "pitch", "rate", "width", "height", "horizontalFov");
        double hfov = m.requireDouble(SensorBounds.CAMERA_FOV);
        return new CameraSpec(m.optionalDouble(SensorBounds.CAMERA_X, 0), m.optionalDouble(SensorBounds.CAMERA_Y, 0),
                m.optionalDouble(SensorBounds.CAMERA_Z, 0.3), m.optionalDegrees(SensorBounds.CAMERA_PITCH, 0),
                m.requireDouble(SensorBounds.CAMERA_RATE), m.requireInt(SensorBounds.CAMERA_WIDTH),
                m.requireInt(SensorBounds.CAMERA_HEIGHT), Math.toRadians(hfov));
    }

    public static List<MicrophoneSpec> microphones(List<YamlNode> items) {
        List<MicrophoneSpec> out = new ArrayList<>();
        Set<String> frames = new HashSet<>();
        for (YamlNode item : items) {
            YamlMap m = item.asMap().allowOnly("frame", "x", "y", "z");
            String frame = m.requireString("frame");
            if (!frames.add(frame)) throw at(m, "frame").error("microphone frame '" + frame + "' is used twice");
            MicrophoneSpec mic = new MicrophoneSpec(frame, m.optionalDouble(SensorBounds.MIC_X, 0),
                    m.optionalDouble(SensorBounds.MIC_Y, 0), m.optionalDouble(SensorBounds.MIC_Z, 0));
            // A pair's horizontal spacing is what sound bearing divides by.
            for (MicrophoneSpec other : out) {
                if (Math.hypot(mic.x() - other.x(), mic.y() - other.y()) < MIN_MIC_SPACING) {
                    throw m.error("microphone '" + frame + "' is within " + fmt(MIN_MIC_SPACING) + " m (x, y) of '"
                            + other.frame() + "'; a pair must be apart in the floor plane to hear a bearing");
                }
            }
            out.add(mic);
        }
        return out;
    }

    public static YamlNode at(YamlMap m, String key) {
        return m.optional(key).orElse(m);
    }

    public static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
