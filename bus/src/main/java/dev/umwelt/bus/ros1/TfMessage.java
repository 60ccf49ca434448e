package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;

import java.util.List;
import java.util.Objects;

/**
 * A planar tf2_msgs/TFMessage: each transform places {@code childFrameId} in the header's
 * frame. {@link #robot} builds the REP-105 chain map -> odom -> base_link.
 */
public record TfMessage(List<Transform> transforms) {
    public record Transform(Header header, String childFrameId, Pose2D pose) {
        public Transform {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(childFrameId, "childFrameId");
            Objects.requireNonNull(pose, "pose");
        }
    }

    public TfMessage {
        transforms = List.copyOf(transforms);
    }

    /**
     * map -> odom (the localisation correction, stamped when it was computed) and odom ->
     * base_link (the odometry pose, stamped with the odometry reading).
     */
    public static TfMessage robot(long mapToOdomStampNanos, Pose2D odomInMap, long odomToBaseStampNanos, Pose2D baseInOdom) {
        return new TfMessage(List.of(
                new Transform(new Header(mapToOdomStampNanos, Frames.MAP), Frames.ODOM, odomInMap),
                new Transform(new Header(odomToBaseStampNanos, Frames.ODOM), Frames.BASE_LINK, baseInOdom)));
    }
}
