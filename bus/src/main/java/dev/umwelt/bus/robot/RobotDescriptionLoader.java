package dev.umwelt.bus.robot;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.yaml.YamlReader;


import java.nio.file.Path;
import java.util.List;

/** Loads a robot description YAML file (format: scenarios/README.md) into a {@link RobotDescription}. */
public final class RobotDescriptionLoader {
    static final double DEFAULT_MASS_KG = 10.0;
    static final double DEFAULT_SAFETY_MARGIN = 0.10;
    static final double DEFAULT_CONTROL_RATE_HZ = 20;
    static final double DEFAULT_COMMAND_TIMEOUT_S = 0.5;

    private RobotDescriptionLoader() {}

    /** @throws ScenarioException naming file:line and field for any problem in the file */
    public static RobotDescription load(Path file) {
        return fromYaml(YamlReader.readFile(file));
    }

    /** Parses robot description text; {@code nominalPath} is used in messages and as the source. */
    public static RobotDescription parse(String yamlText, Path nominalPath) {
        return fromYaml(YamlReader.read(yamlText, nominalPath));
    }

    static RobotDescription fromYaml(YamlMap m) {
        m.allowOnly("name", "footprintRadius", "wheelbase", "mass", "safetyMargin", "limits", "motionNoise",
                "controlRate", "commandTimeout", "sensors");
        String name = m.requireString("name");
        double radius = m.requireDouble(RobotBounds.FOOTPRINT_RADIUS);
        double wheelbase = m.requireDouble(RobotBounds.WHEELBASE);
        double mass = m.optionalDouble(RobotBounds.MASS, DEFAULT_MASS_KG);
        double margin = m.optionalDouble(RobotBounds.SAFETY_MARGIN, DEFAULT_SAFETY_MARGIN);
        MotionLimits limits = limits(m.requireMap("limits"));
        MotionNoise noise = m.optionalMap("motionNoise").map(n -> SensorSpecs.motionNoise(n, null)).orElse(MotionNoise.NONE);
        double controlRate = m.optionalDouble(RobotBounds.CONTROL_RATE, DEFAULT_CONTROL_RATE_HZ);
        double timeout = m.optionalDouble(RobotBounds.COMMAND_TIMEOUT, DEFAULT_COMMAND_TIMEOUT_S);

        YamlMap sensors = m.requireMap("sensors").allowOnly("lidar", "odometry", "camera", "microphones");
        var lidar = SensorSpecs.lidar(sensors.requireMap("lidar"), null);
        var odometry = SensorSpecs.odometry(sensors.requireMap("odometry"), null);
        CameraSpec camera = sensors.optionalMap("camera").map(SensorSpecs::camera).orElse(null);
        List<MicrophoneSpec> mics = sensors.has("microphones")
                ? SensorSpecs.microphones(sensors.optionalList("microphones", SensorBounds.MAX_MICROPHONES))
                : SensorSpecs.DEFAULT_MICROPHONES;
        return new RobotDescription(name, m.file(), radius, wheelbase, mass, margin, limits, noise, controlRate, timeout,
                lidar, odometry, camera, mics);
    }

    private static MotionLimits limits(YamlMap m) {
        m.allowOnly("maxLinearVelocity", "maxAngularVelocity", "maxLinearAcceleration", "maxAngularAcceleration");
        // No defaults: the shield enforces these, so each robot must state them.
        return new MotionLimits(m.requireDouble(RobotBounds.MAX_LINEAR_VELOCITY),
                m.requireDouble(RobotBounds.MAX_ANGULAR_VELOCITY),
                m.requireDouble(RobotBounds.MAX_LINEAR_ACCELERATION),
                m.requireDouble(RobotBounds.MAX_ANGULAR_ACCELERATION));
    }
}
