package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;

/** Scenarios built in code for the tests: a 0.2 m robot, 20 Hz control, 100 Hz physics. */
final class Fixtures {
    static final MotionLimits LIMITS = new MotionLimits(1.0, 2.0, 1.0, 4.0);
    static final LidarSpec LIDAR = new LidarSpec(new Pose2D(0.1, 0.05, 0.3), 10, 360,
            -Math.PI, Math.PI, 0.1, 20, 0, 0);

    private Fixtures() {}

    static RobotDescription robot(LidarSpec lidar, OdometrySpec odometry, MotionNoise noise) {
        return new RobotDescription("test-bot", null, 0.2, 0.3, 10, 0.1, LIMITS, noise, 20, 0.5,
                lidar, odometry, null, List.of());
    }

    static RobotDescription robot() {
        return robot(LIDAR, OdometrySpec.perfect(20), MotionNoise.NONE);
    }

    static Scenario scenario(List<Wall> walls, List<WorldObject> objects, Pose2D start, RobotDescription robot) {
        WorldMap map = new WorldMap(walls, List.of(), List.of(), objects);
        return new Scenario("test", null, "test-bot", robot, map, start,
                new PointGoal(new Vec2(0, 0), 0.5, "go"), 60, 100, 1);
    }

    static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), 0.1, 1);
    }

    /** A wall of {@code length} centred at (cx, cy) along {@code degrees}. */
    static Wall wallAt(double cx, double cy, double degrees, double length) {
        double a = Math.toRadians(degrees), hx = Math.cos(a) * length / 2, hy = Math.sin(a) * length / 2;
        return wall(cx - hx, cy - hy, cx + hx, cy + hy);
    }

    /** A closed square room [-h, h]^2. */
    static List<Wall> room(double h) {
        return List.of(wall(-h, -h, h, -h), wall(h, -h, h, h), wall(h, h, -h, h), wall(-h, h, -h, -h));
    }

    static WorldObject object(String id, Shape shape, Pose2D pose, double sx, double sy, boolean movable) {
        return new WorldObject(id, id, shape, Colour.named("red").orElseThrow(), pose, sx, sy, 1, movable,
                movable ? 5 : 0);
    }

    static VelocityCommand cmd(Environment env, double v, double w) {
        return VelocityCommand.of(env.nowNanos(), new Twist2D(v, w), env.scenario().robot().commandTimeoutNanos());
    }
}
