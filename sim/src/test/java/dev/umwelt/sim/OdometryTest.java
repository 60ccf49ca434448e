package dev.umwelt.sim;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OdometryTest {

    @Test
    void distanceScaleErrorStretchesTheReading() {
        Scenario s = Fixtures.scenario(List.of(), List.of(), new Pose2D(-3, 1, 0.4),
                Fixtures.robot(Fixtures.LIDAR, new OdometrySpec(20, 0.02, 0, 0), MotionNoise.NONE));
        try (Simulator sim = new Simulator(s)) {
            TickReadings t = sim.reset(1);
            assertEquals(Pose2D.ORIGIN, t.latest(Odometry.class).pose(), "odom starts at the start pose");
            // 0.5 m/s for 10.25 s: the 0.5 s ramp costs 0.125 m, so ~5.0 m.
            for (int k = 0; k < 205; k++) t = sim.step(Fixtures.cmd(sim, 0.5, 0));
            double travelled = sim.groundTruth().distanceTo(s.start());
            assertEquals(5.0, travelled, 0.01);
            Odometry odom = t.latest(Odometry.class);
            assertEquals(t.stampNanos(), odom.stampNanos());
            assertEquals(1.02 * travelled, odom.pose().x(), 1e-3);
            assertEquals(5.1, odom.pose().x(), 0.02);
            assertEquals(0, odom.pose().y(), 1e-6);
        }
    }

    @Test
    void withoutDriftOdometryIsGroundTruthRelativeToStart() {
        Pose2D start = new Pose2D(2, -1, 2.5);
        Scenario s = Fixtures.scenario(List.of(), List.of(), start, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            TickReadings t = sim.reset(1);
            for (int k = 0; k < 200; k++) t = sim.step(Fixtures.cmd(sim, 0.4, k < 100 ? 0.6 : -0.3));
            Pose2D gt = t.groundTruth(), odom = t.latest(Odometry.class).pose();
            // Ground truth in the start frame (odom = start pose in map).
            double c = Math.cos(start.yaw()), sn = Math.sin(start.yaw());
            double dx = gt.x() - start.x(), dy = gt.y() - start.y();
            assertEquals(c * dx + sn * dy, odom.x(), 1e-3);
            assertEquals(-sn * dx + c * dy, odom.y(), 1e-3);
            assertEquals(0, Angles.difference(gt.yaw() - start.yaw(), odom.yaw()), 1e-4);
            assertEquals(3.0, Math.hypot(odom.x(), odom.y()), 2.9, "it went somewhere");
        }
    }

    @Test
    void yawDriftAccruesPerMetre() {
        Scenario s = Fixtures.scenario(List.of(), List.of(), Pose2D.ORIGIN,
                Fixtures.robot(Fixtures.LIDAR, new OdometrySpec(20, 0, 0.01, 0), MotionNoise.NONE));
        try (Simulator sim = new Simulator(s)) {
            TickReadings t = sim.reset(1);
            for (int k = 0; k < 205; k++) t = sim.step(Fixtures.cmd(sim, 0.5, 0));
            double travelled = sim.groundTruth().x();
            assertEquals(0.01 * travelled, t.latest(Odometry.class).pose().yaw(), 1e-5);
            assertEquals(0, sim.groundTruth().yaw(), 1e-6, "the body itself drove straight");
        }
    }
}
