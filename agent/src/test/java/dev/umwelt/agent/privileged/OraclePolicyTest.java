package dev.umwelt.agent.privileged;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closes the loop with a kinematic unicycle at 20 Hz; no physics simulator needed. */
class OraclePolicyTest {
    static final double RADIUS = 0.18, MARGIN = 0.10, SUCCESS = 0.3;
    static final long EPOCH = 1_000_000_000L;

    static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), 0.1, 1.0);
    }

    /** Free space: x in [0, 6], y in [0, 1.2] and x in [4.8, 6], y in [0, 5]. */
    static WorldMap lCorridor() {
        return new WorldMap(List.of(wall(-0.05, -0.05, 6.05, -0.05), wall(-0.05, -0.05, -0.05, 1.25),
                wall(-0.05, 1.25, 4.75, 1.25), wall(4.75, 1.25, 4.75, 5.05), wall(4.75, 5.05, 6.05, 5.05),
                wall(6.05, -0.05, 6.05, 5.05)), List.of(), List.of(), List.of());
    }

    /**
     * Two 4 x 4 m rooms side by side, the dividing wall (centreline x = 4) cut by a door whose
     * wall segments end 0.60 m apart, centred at y = 1.2 (Wall.distanceTo rounds the ends, so
     * the clear gap is 0.50 m: narrower than 2 x (footprint + margin) = 0.56).
     */
    static WorldMap twoRooms() {
        return new WorldMap(List.of(wall(-0.05, -0.05, 8.05, -0.05), wall(8.05, -0.05, 8.05, 4.05),
                wall(8.05, 4.05, -0.05, 4.05), wall(-0.05, 4.05, -0.05, -0.05),
                wall(4, -0.05, 4, 0.9), wall(4, 1.5, 4, 4.05)), List.of(), List.of(), List.of());
    }

    static RobotDescription robot() {
        LidarSpec lidar = new LidarSpec(Pose2D.ORIGIN, 10, 360, -Math.PI, Math.PI, 0.1, 8, 0, 0);
        return new RobotDescription("unicycle", null, RADIUS, 0.3, 10, MARGIN, new MotionLimits(0.5, 1.5, 1.0, 3.0),
                MotionNoise.NONE, 20, 0.5, lidar, OdometrySpec.perfect(20), null, List.of());
    }

    record Outcome(boolean stopped, Pose2D pose, double seconds, double minWallDistance, int replans) {}

    static Outcome drive(WorldMap map, Pose2D start, Vec2 goal, double timeLimit) {
        return drive(map, start, new PointGoal(goal, SUCCESS, null), timeLimit);
    }

    /** minWallDistance covers the walls and the static objects (the footprint must touch neither). */
    static Outcome drive(WorldMap map, Pose2D start, Task task, double timeLimit) {
        RobotDescription r = robot();
        Scenario sc = new Scenario("t", null, "unicycle", r, map, start, task, timeLimit, 100, 7);
        Instruction instr = new Instruction(new Header(EPOCH, Frames.MAP), sc.task().instruction(), Instruction.Source.SCENARIO, 1);
        OraclePolicy oracle = new OraclePolicy();
        long t0 = System.nanoTime();
        oracle.reset(new EpisodeContext(r, instr, 7), sc);
        oracle.act(Observation.at(EPOCH).privilegedPose(start).build(), instr); // plans
        System.out.printf("oracle reset + first plan: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        oracle.reset(new EpisodeContext(r, instr, 7), sc);
        double dt = 1.0 / r.controlRateHz();
        double x = start.x(), y = start.y(), yaw = start.yaw(), minWall = Double.POSITIVE_INFINITY;
        double lastV = 0, lastW = 0;
        MotionLimits lim = r.limits();
        for (int tick = 0; tick * dt < timeLimit; tick++) {
            long stamp = EPOCH + tick * r.controlPeriodNanos();
            Observation obs = Observation.at(stamp).privilegedPose(new Pose2D(x, y, yaw)).build();
            ActionChunk chunk = oracle.act(obs, instr);
            if (chunk.stop()) return new Outcome(true, new Pose2D(x, y, yaw), tick * dt, minWall, oracle.replans());
            Twist2D u = chunk.actionAt(stamp);
            assertTrue(Math.abs(u.linear()) <= lim.maxLinearVelocity() + 1e-9, "v " + u.linear());
            assertTrue(Math.abs(u.angular()) <= lim.maxAngularVelocity() + 1e-9, "w " + u.angular());
            assertTrue(Math.abs(u.linear() - lastV) <= lim.maxLinearAcceleration() * dt + 1e-9, "linear acceleration");
            assertTrue(Math.abs(u.angular() - lastW) <= lim.maxAngularAcceleration() * dt + 1e-9, "angular acceleration");
            lastV = u.linear();
            lastW = u.angular();
            for (int k = 0; k < 10; k++) { // integrate finer than the control period
                x += u.linear() * Math.cos(yaw) * dt / 10;
                y += u.linear() * Math.sin(yaw) * dt / 10;
                yaw += u.angular() * dt / 10;
                Vec2 p = new Vec2(x, y);
                for (Wall w : map.walls()) minWall = Math.min(minWall, w.distanceTo(p));
                for (WorldObject o : map.staticObjects()) minWall = Math.min(minWall, o.distanceTo(p));
            }
        }
        return new Outcome(false, new Pose2D(x, y, yaw), timeLimit, minWall, oracle.replans());
    }

    static void assertArrives(Outcome o, Vec2 goal, double timeBound) {
        System.out.printf("oracle: stopped=%s at (%.3f, %.3f) after %.2f s, %.3f m from goal, min wall distance %.3f m, replans %d%n",
                o.stopped(), o.pose().x(), o.pose().y(), o.seconds(), Math.hypot(o.pose().x() - goal.x(), o.pose().y() - goal.y()),
                o.minWallDistance(), o.replans());
        assertTrue(o.stopped(), "no STOP within the time limit; ended at " + o.pose());
        assertTrue(Math.hypot(o.pose().x() - goal.x(), o.pose().y() - goal.y()) <= SUCCESS, "stopped outside the success radius");
        assertTrue(o.seconds() <= timeBound, "took " + o.seconds() + " s");
        assertTrue(o.minWallDistance() >= RADIUS, "footprint touched a wall: centre " + o.minWallDistance() + " m from it");
    }

    @Test
    void lCorridorStartingBackwards() {
        Vec2 goal = new Vec2(5.4, 4.0);
        // About 6.9 m of geodesic at 0.5 m/s, plus turning round and slowing at the bend.
        assertArrives(drive(lCorridor(), new Pose2D(1.0, 0.6, Math.PI), goal, 60), goal, 30);
    }

    @Test
    void twoRoomsThroughANarrowDoor() {
        Vec2 goal = new Vec2(7.0, 3.0);
        assertArrives(drive(twoRooms(), new Pose2D(1.0, 3.0, -Math.PI / 2), goal, 80), goal, 40);
    }

    @Test
    void goalHuggingAWallIsStillReached() {
        Vec2 goal = new Vec2(7.85, 0.2); // 0.15 m from two walls: inside the planning inflation
        assertArrives(drive(twoRooms(), new Pose2D(0.5, 0.5, 0), goal, 80), goal, 40);
    }

    @Test
    void deterministic() {
        Outcome a = drive(twoRooms(), new Pose2D(1.0, 3.0, 0.3), new Vec2(7.0, 3.0), 80);
        Outcome b = drive(twoRooms(), new Pose2D(1.0, 3.0, 0.3), new Vec2(7.0, 3.0), 80);
        assertEquals(a, b);
    }

    @Test
    void refusesWithoutTheScenario() {
        RobotDescription r = robot();
        Instruction instr = new Instruction(new Header(EPOCH, Frames.MAP), "go", Instruction.Source.TYPED, 1);
        var e = assertThrows(IllegalStateException.class, () -> new OraclePolicy().reset(new EpisodeContext(r, instr, 1)));
        assertTrue(e.getMessage().contains("oracle is privileged"), e.getMessage());
        OraclePolicy o = new OraclePolicy();
        assertEquals("oracle", o.name());
        assertTrue(o.privileged());
        assertTrue(o.requiredModalities().isEmpty());
    }
}
