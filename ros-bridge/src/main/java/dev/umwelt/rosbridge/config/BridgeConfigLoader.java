package dev.umwelt.rosbridge.config;

import dev.umwelt.bus.yaml.Range;
import dev.umwelt.bus.robot.RobotDescriptionLoader;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.bus.yaml.YamlMap;
import dev.umwelt.bus.yaml.YamlNode;
import dev.umwelt.bus.yaml.YamlReader;
import dev.umwelt.bus.robot.RobotDescription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a mapping file (see {@code ros-bridge/config/turtle.yaml}). Every error is a
 * {@link ScenarioException} naming {@code file:line: field: problem}: unknown fields and roles,
 * a type that is not the role's, a topic name ROS would reject, one topic used by two roles
 * of different types.
 */
public final class BridgeConfigLoader {
    /** The shipped default, also inside the jar. */
    public static final String DEFAULT_FILE = "ros-bridge/config/turtle.yaml";
    public static final String DEFAULT_RESOURCE = "/umwelt/rosbridge/config/turtle.yaml";
    /** ROS graph resource names: a leading '/', then words of letters, digits and '_' separated by '/'. */
    private static final Pattern TOPIC = Pattern.compile("/[A-Za-z][A-Za-z0-9_]*(/[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern FRAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private BridgeConfigLoader() {}

    public static BridgeConfig load(Path file) {
        return parse(readText(file), file);
    }

    /** The shipped default: {@code home/ros-bridge/config/turtle.yaml} when present, else the copy in the jar. */
    public static BridgeConfig loadDefault(Path home) {
        Path file = home.resolve(DEFAULT_FILE);
        if (Files.isRegularFile(file)) return load(file);
        try (InputStream in = BridgeConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("default mapping missing: classpath:" + DEFAULT_RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of("classpath:" + DEFAULT_RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file, 1, "", "cannot read mapping file: " + e.getMessage(), e);
        }
    }

    /** {@code file} names the text in messages and anchors a relative robot path. */
    public static BridgeConfig parse(String text, Path file) {
        YamlMap root = YamlReader.read(text, file).allowOnly("robot", "commandTimeout", "frames", "mappings");
        RobotDescription robot = robot(root, file);
        double timeout = root.optionalDouble("commandTimeout", robot.commandTimeoutSeconds(), Range.POSITIVE);
        BridgeConfig.FrameNames frames = frames(root);
        Map<Role, TopicMapping> mappings = new EnumMap<>(Role.class);
        Map<String, Role> byTopic = new HashMap<>();
        root.optionalMap("mappings").ifPresent(m -> {
            for (String key : m.keys()) {
                Role role = Role.ofKey(key);
                YamlNode node = m.require(key);
                if (role == null) {
                    throw node.error("unknown mapping '" + key + "'; known: "
                            + String.join(", ", Arrays.stream(Role.values()).map(Role::key).toList()));
                }
                TopicMapping tm = mapping(role, node.asMap());
                Role other = byTopic.putIfAbsent(tm.topic(), role);
                if (other != null && tm.enabled() && !other.rosType().equals(role.rosType())) {
                    throw node.error("topic " + tm.topic() + " is already mapping '" + other.key() + "' of type "
                            + other.rosType() + "; a topic has one type");
                }
                mappings.put(role, tm);
            }
        });
        return new BridgeConfig(file.toString(), robot, frames, mappings, timeout);
    }

    private static RobotDescription robot(YamlMap root, Path file) {
        if (!root.has("robot")) return RobotResolver.catalogRobot("turtle");
        YamlNode node = root.require("robot");
        String ref = node.asScalar("a robot name or a .yaml path").asString();
        if (ref.endsWith(".yaml")) {
            Path robotFile = BridgeConfig.directoryOf(file).resolve(ref).normalize();
            if (!Files.isRegularFile(robotFile)) throw node.error("robot file not found: " + robotFile);
            return RobotDescriptionLoader.load(robotFile);
        }
        try {
            return RobotResolver.catalogRobot(ref);
        } catch (IllegalArgumentException e) {
            throw node.error("unknown robot '" + ref + "' (a catalog name such as turtle, or a path ending in .yaml)");
        }
    }

    private static BridgeConfig.FrameNames frames(YamlMap root) {
        BridgeConfig.FrameNames d = BridgeConfig.FrameNames.REP105;
        if (!root.has("frames")) return d;
        YamlMap f = root.requireMap("frames").allowOnly("map", "odom", "base", "laser", "camera");
        return new BridgeConfig.FrameNames(frame(f, "map", d.map()), frame(f, "odom", d.odom()), frame(f, "base", d.base()),
                frame(f, "laser", d.laser()), frame(f, "camera", d.camera()));
    }

    private static String frame(YamlMap f, String key, String fallback) {
        String v = f.optionalString(key, fallback);
        if (!FRAME.matcher(v).matches()) {
            throw f.require(key).error("frame id '" + v + "' must be a word of letters, digits and '_' (no leading '/', tf2 rejects it)");
        }
        return v;
    }

    private static TopicMapping mapping(Role role, YamlMap m) {
        m.allowOnly("topic", "type", "queue", "enabled");
        String topic = m.optionalString("topic", role.defaultTopic());
        if (!TOPIC.matcher(topic).matches()) {
            throw m.require("topic").error("'" + topic + "' is not a global ROS topic name (e.g. /scan, /robot1/cmd_vel)");
        }
        if (m.has("type")) {
            String type = m.requireString("type");
            if (!type.equals(role.rosType())) {
                throw m.require("type").error("mapping '" + role.key() + "' carries " + role.rosType() + ", not " + type);
            }
        }
        int queue = m.optionalInt("queue", role.defaultQueue(), Range.POSITIVE);
        return new TopicMapping(role, topic, queue, m.optionalBoolean("enabled", true));
    }
}
