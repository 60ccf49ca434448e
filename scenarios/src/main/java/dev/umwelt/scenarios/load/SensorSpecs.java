package dev.umwelt.scenarios.load;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.robot.CameraSpec;
import dev.umwelt.scenarios.robot.LidarSpec;
import dev.umwelt.scenarios.robot.MicrophoneSpec;
import dev.umwelt.scenarios.robot.MotionNoise;
import dev.umwelt.scenarios.robot.OdometrySpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads sensor blocks. Each reader takes a {@code base}: null when reading a robot description
 * (required fields must be present), or the robot's spec when a scenario overrides some fields
 * (every field then defaults to the robot's value). Angles are degrees in YAML, radians here.
 */
final class SensorSpecs {
    static final List<MicrophoneSpec> DEFAULT_MICROPHONES = List.of(
            new MicrophoneSpec(Frames.MIC_LEFT, 0, 0.1, 0.3), new MicrophoneSpec(Frames.MIC_RIGHT, 0, -0.1, 0.3));

    private SensorSpecs() {}

    static LidarSpec lidar(YamlMap m, LidarSpec base) {
        m.allowOnly("mount", "rate", "beams", "angleMin", "angleMax", "rangeMin", "rangeMax", "noise", "dropout");
        Pose2D mount = base == null ? Pose2D.ORIGIN : base.mount();
        if (m.has("mount")) {
            YamlMap mm = m.requireMap("mount").allowOnly("x", "y", "yaw");
            mount = new Pose2D(mm.optionalDouble("x", mount.x()), mm.optionalDouble("y", mount.y()),
                    mm.optionalDegrees("yaw", mount.yaw()));
        }
        double rate = base == null ? m.requireDouble("rate", Range.POSITIVE) : m.optionalDouble("rate", base.rateHz(), Range.POSITIVE);
        int beams = base == null ? m.requireInt("beams", Range.POSITIVE) : m.optionalInt("beams", base.beams(), Range.POSITIVE);
        double angleMin = m.optionalDegrees("angleMin", base == null ? -Math.PI : base.angleMin());
        double angleMax = m.optionalDegrees("angleMax", base == null ? Math.PI : base.angleMax());
        if (!(angleMax > angleMin)) {
            throw at(m, "angleMax").error("must be greater than angleMin (" + fmt(Math.toDegrees(angleMin)) + " degrees)");
        }
        if (angleMax - angleMin > 2 * Math.PI + 1e-9) {
            throw at(m, "angleMax").error("field of view angleMax - angleMin must be at most 360 degrees");
        }
        double rangeMin = m.optionalDouble("rangeMin", base == null ? 0.1 : base.rangeMin(), Range.NON_NEGATIVE);
        double rangeMax = base == null ? m.requireDouble("rangeMax", Range.POSITIVE)
                : m.optionalDouble("rangeMax", base.rangeMax(), Range.POSITIVE);
        if (!(rangeMax > rangeMin)) {
            throw at(m, "rangeMax").error("must be greater than rangeMin (" + fmt(rangeMin) + "), got " + fmt(rangeMax));
        }
        double noise = m.optionalDouble("noise", base == null ? 0 : base.noiseStddev(), Range.NON_NEGATIVE);
        double dropout = m.optionalDouble("dropout", base == null ? 0 : base.dropoutProbability(), Range.PROBABILITY);
        return new LidarSpec(mount, rate, beams, angleMin, angleMax, rangeMin, rangeMax, noise, dropout);
    }

    static OdometrySpec odometry(YamlMap m, OdometrySpec base) {
        m.allowOnly("rate", "distanceScaleError", "yawDriftPerMetre", "noise");
        double rate = base == null ? m.requireDouble("rate", Range.POSITIVE) : m.optionalDouble("rate", base.rateHz(), Range.POSITIVE);
        double scale = m.optionalDouble("distanceScaleError", base == null ? 0 : base.distanceScaleError(), Range.SCALE_ERROR);
        // Degrees per metre in YAML, radians per metre in the record.
        double drift = m.optionalDegrees("yawDriftPerMetre", base == null ? 0 : base.yawDriftPerMetre());
        double noise = m.optionalDouble("noise", base == null ? 0 : base.noiseStddev(), Range.NON_NEGATIVE);
        return new OdometrySpec(rate, scale, drift, noise);
    }

    static MotionNoise motionNoise(YamlMap m, MotionNoise base) {
        m.allowOnly("slipStddev");
        return new MotionNoise(m.optionalDouble("slipStddev", base == null ? 0 : base.slipStddev(), Range.NON_NEGATIVE));
    }

    static CameraSpec camera(YamlMap m) {
        m.allowOnly("x", "y", "z", "pitch", "rate", "width", "height", "horizontalFov");
        double hfov = m.requireDouble("horizontalFov", Range.POSITIVE);
        if (hfov >= 180) throw at(m, "horizontalFov").error("must be below 180 degrees for a pinhole camera, got " + fmt(hfov));
        return new CameraSpec(m.optionalDouble("x", 0), m.optionalDouble("y", 0), m.optionalDouble("z", 0.3),
                m.optionalDegrees("pitch", 0), m.requireDouble("rate", Range.POSITIVE),
                m.requireInt("width", Range.POSITIVE), m.requireInt("height", Range.POSITIVE), Math.toRadians(hfov));
    }

    static List<MicrophoneSpec> microphones(List<YamlNode> items) {
        List<MicrophoneSpec> out = new ArrayList<>();
        Set<String> frames = new HashSet<>();
        for (YamlNode item : items) {
            YamlMap m = item.asMap().allowOnly("frame", "x", "y", "z");
            String frame = m.requireString("frame");
            if (!frames.add(frame)) throw at(m, "frame").error("microphone frame '" + frame + "' is used twice");
            out.add(new MicrophoneSpec(frame, m.optionalDouble("x", 0), m.optionalDouble("y", 0), m.optionalDouble("z", 0)));
        }
        return out;
    }

    static YamlNode at(YamlMap m, String key) {
        return m.optional(key).orElse(m);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
