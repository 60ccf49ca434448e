package dev.umwelt.rosbridge.config;

import java.util.Locale;

/**
 * What a mapping carries between the bus and ROS. Each role has one ROS type (the encoding of
 * its bus record in {@code dev.umwelt.bus.ros1}) and a default topic; a mapping file may
 * rename topics but not change types.
 */
public enum Role {
    SCAN("/scan", "sensor_msgs/LaserScan", 5),
    IMAGE("/camera/image_raw", "sensor_msgs/Image", 2),
    ODOM("/odom", "nav_msgs/Odometry", 10),
    TF("/tf", "tf2_msgs/TFMessage", 20),
    TF_STATIC("/tf_static", "tf2_msgs/TFMessage", 1),
    CMD_VEL("/cmd_vel", "geometry_msgs/Twist", 5),
    INSTRUCTION("/umwelt/instruction", "std_msgs/String", 10),
    ADOPTED("/umwelt/instruction/adopted", "umwelt_msgs/Instruction", 10),
    CLOCK("/clock", "rosgraph_msgs/Clock", 10),
    AUDIO("/umwelt/audio", "umwelt_msgs/AudioChunk", 20);

    private final String defaultTopic;
    private final String rosType;
    private final int defaultQueue;

    Role(String defaultTopic, String rosType, int defaultQueue) {
        this.defaultTopic = defaultTopic;
        this.rosType = rosType;
        this.defaultQueue = defaultQueue;
    }

    public String defaultTopic() { return defaultTopic; }
    public String rosType() { return rosType; }
    public int defaultQueue() { return defaultQueue; }

    /** The key in a mapping file: {@code scan}, {@code tf_static}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofKey(String key) {
        for (Role r : values()) if (r.key().equals(key)) return r;
        return null;
    }
}
