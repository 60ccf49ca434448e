package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.scenarios.robot.RobotDescription;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Semantic object memory from the camera (skeleton; see README). Not thread-safe. */
public final class ObjectMemory {
    private final RobotDescription robot;
    private final List<RememberedObject> objects = new ArrayList<>();

    public ObjectMemory(RobotDescription robot) {
        this.robot = Objects.requireNonNull(robot, "robot");
    }

    public void observe(CameraFrame frame, LidarScan latestScan, Pose2D basePoseInMapAtFrame) {
        // TODO segmentation, ranging, association
    }

    public List<RememberedObject> objects() {
        return List.copyOf(objects);
    }

    public Optional<RememberedObject> nearest(ObjectQuery q, double x, double y) {
        return objects.stream().filter(q::matches).min(Comparator.comparingDouble(o -> o.distanceTo(x, y)));
    }
}
