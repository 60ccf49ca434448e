package dev.umwelt.rosbridge.config;

import dev.umwelt.bus.robot.RobotDescription;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping file, loaded: the robot whose senses and base the topics carry, the frame names
 * of its tf tree, every role's topic, and the cmd_vel timeout `ros sim` applies.
 * {@code source} names the file (or {@code classpath:...}) for messages.
 */
public record BridgeConfig(String source, RobotDescription robot, FrameNames frames, Map<Role, TopicMapping> mappings,
                           double commandTimeoutSeconds) {
    /** REP-105 frame ids as this robot's tf tree names them. */
    public record FrameNames(String map, String odom, String base, String laser, String camera) {
        public static final FrameNames REP105 = new FrameNames("map", "odom", "base_link", "laser", "camera");
    }

    public BridgeConfig {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(frames, "frames");
        EnumMap<Role, TopicMapping> all = new EnumMap<>(Role.class);
        for (Role r : Role.values()) all.put(r, mappings.getOrDefault(r, TopicMapping.byDefault(r)));
        mappings = Map.copyOf(all);
        if (!(commandTimeoutSeconds > 0)) throw new IllegalArgumentException("commandTimeout must be > 0: " + commandTimeoutSeconds);
    }

    /** The role's mapping when enabled. */
    public Optional<TopicMapping> mapping(Role role) {
        TopicMapping m = mappings.get(role);
        return m.enabled() ? Optional.of(m) : Optional.empty();
    }

    /** The role's topic (enabled or not). */
    public String topic(Role role) {
        return mappings.get(role).topic();
    }

    public long commandTimeoutNanos() {
        return Math.round(commandTimeoutSeconds * 1e9);
    }

    /** Every role on its default topic, for {@code robot}. */
    public static BridgeConfig defaults(RobotDescription robot) {
        return new BridgeConfig("defaults", robot, FrameNames.REP105, Map.of(), robot.commandTimeoutSeconds());
    }

    public BridgeConfig withRobot(RobotDescription r) {
        return new BridgeConfig(source, r, frames, mappings, commandTimeoutSeconds);
    }

    /** Where a relative robot path in a file resolves (null for a classpath file). */
    static Path directoryOf(Path file) {
        Path abs = file.toAbsolutePath().getParent();
        return abs == null ? Path.of(".") : abs;
    }
}
