package dev.umwelt.scenarios.testing;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;

import java.util.List;

/** Worlds and robots built in code for tests. */
public final class TestWorlds {
    private TestWorlds() {}

    public static final double T = 0.1;

    /**
     * An L corridor 1.2 m wide, wall thickness 0.1 (centrelines 0.05 outside the free space).
     * Free space: horizontal arm x in [0, 6], y in [0, 1.2]; vertical arm x in [4.8, 6],
     * y in [0, 5]. The two inner walls meet at {@link #INNER_JUNCTION}.
     */
    public static WorldMap lCorridor() {
        return new WorldMap(List.of(
                wall(-0.05, -0.05, 6.05, -0.05),
                wall(-0.05, -0.05, -0.05, 1.25),
                wall(-0.05, 1.25, 4.75, 1.25),
                wall(4.75, 1.25, 4.75, 5.05),
                wall(4.75, 5.05, 6.05, 5.05),
                wall(6.05, -0.05, 6.05, 5.05)), List.of(), List.of(), List.of());
    }

    /** Where the centrelines of the two inner walls of {@link #lCorridor()} meet. */
    public static final Vec2 INNER_JUNCTION = new Vec2(4.75, 1.25);

    public static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), T, 1.0);
    }

    public static RobotDescription robot(double radius, double margin) {
        LidarSpec lidar = new LidarSpec(Pose2D.ORIGIN, 10, 360, -Math.PI, Math.PI, 0.1, 8, 0, 0);
        return new RobotDescription("test-bot", null, radius, 0.3, 10, margin, new MotionLimits(0.5, 1.5, 1.0, 3.0),
                MotionNoise.NONE, 20, 0.5, lidar, OdometrySpec.perfect(20), null, List.of());
    }

    public static Scenario scenario(WorldMap map, RobotDescription robot, Pose2D start, Vec2 goal, double successRadius) {
        return new Scenario("test", null, "test-bot", robot, map, start, new PointGoal(goal, successRadius, null),
                120, 100, 1);
    }
}
