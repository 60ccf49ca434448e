package dev.umwelt.bus.sensing;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;

import java.util.Objects;

/**
 * Wheel odometry as nav_msgs/Odometry: the pose of {@code childFrameId} (base_link) in the
 * header's frame (odom), and the body-frame twist. It drifts; the world model corrects it.
 */
public record Odometry(Header header, String childFrameId, Pose2D pose, Twist2D twist) implements Stamped {
    public Odometry {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(childFrameId, "childFrameId");
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(twist, "twist");
    }

    public static Odometry of(long stampNanos, Pose2D pose, Twist2D twist) {
        return new Odometry(new Header(stampNanos, Frames.ODOM), Frames.BASE_LINK, pose, twist);
    }
}
