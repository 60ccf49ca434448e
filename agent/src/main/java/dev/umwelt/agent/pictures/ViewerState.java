package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.scenarios.Scenario;

import java.util.List;
import java.util.Objects;

/**
 * What one viewer frame shows: the scenario, the robot's pose, its path so far, the latest
 * scan and camera frame (null when none yet), the instruction, the command in force and the
 * sim time in seconds. {@code path} is not copied (a long path every frame would cost): it must
 * not change once handed over; a live viewer hands over immutable snapshots
 * ({@code view.ViewerFeed} publishes prefixes of an append-only array).
 */
public record ViewerState(Scenario scenario, Pose2D pose, List<Pose2D> path, LidarScan scan, CameraFrame camera,
                          String instruction, Twist2D command, double simSeconds) {
    public ViewerState {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(pose, "pose");
        path = path == null ? List.of() : path;
        instruction = instruction == null ? scenario.task().instruction() : instruction;
        command = command == null ? Twist2D.ZERO : command;
    }
}
