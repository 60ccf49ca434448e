package dev.umwelt.rosbridge.config;

import java.util.Objects;

/** One role on one ROS topic. {@code enabled} false: the bridge neither publishes nor subscribes it. */
public record TopicMapping(Role role, String topic, int queueSize, boolean enabled) {
    public TopicMapping {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(topic, "topic");
        if (queueSize < 1) throw new IllegalArgumentException("queue size must be >= 1: " + queueSize);
    }

    public String rosType() {
        return role.rosType();
    }

    public static TopicMapping byDefault(Role role) {
        return new TopicMapping(role, role.defaultTopic(), role.defaultQueue(), true);
    }
}
