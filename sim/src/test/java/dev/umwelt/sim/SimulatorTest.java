package dev.umwelt.sim;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.sim.bench.BenchWorld;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorTest {

    @Test
    void resetGivesTickZeroAtTheEpochAndStepsAdvanceOnePeriod() {
        Scenario s = Fixtures.scenario(Fixtures.room(3), List.of(), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            TickReadings t0 = sim.reset(5);
            assertEquals(0, t0.tick());
            assertEquals(Clock.SIM_EPOCH_NANOS, t0.stampNanos());
            assertEquals(2, t0.readings().size());
            assertEquals(Clock.SIM_EPOCH_NANOS, t0.latest(LidarScan.class).stampNanos());
            assertEquals(Clock.SIM_EPOCH_NANOS, t0.latest(Odometry.class).stampNanos());
            assertEquals(5, sim.substepsPerTick());
            int scans = 0, odoms = 0;
            long last = Clock.SIM_EPOCH_NANOS;
            for (int k = 1; k <= 10; k++) {
                TickReadings t = sim.step(null);
                assertEquals(k, t.tick());
                assertEquals(Clock.SIM_EPOCH_NANOS + k * 50_000_000L, t.stampNanos());
                for (Stamped r : t.readings()) {
                    assertTrue(r.stampNanos() > last || r.stampNanos() == last && k > 0, "stamp order");
                    assertTrue(r.stampNanos() <= t.stampNanos());
                    last = r.stampNanos();
                    if (r instanceof LidarScan) scans++; else if (r instanceof Odometry) odoms++;
                }
            }
            assertEquals(5, scans, "10 Hz lidar over 0.5 s");
            assertEquals(10, odoms, "20 Hz odometry over 0.5 s");
            assertEquals(s.start(), sim.groundTruth(), "no command: the robot stays put");
            assertTrue(sim.reset(5).latest(LidarScan.class).stampNanos() == Clock.SIM_EPOCH_NANOS);
        }
    }

    @Test
    void sameSeedAndCommandsAreBitIdenticalAndOtherSeedsDiffer() {
        Run a = drive(11), b = drive(11), c = drive(12);
        assertEquals(a.poses, b.poses);
        assertEquals(a.scans.size(), b.scans.size());
        for (int i = 0; i < a.scans.size(); i++) assertArrayEquals(a.scans.get(i), b.scans.get(i), "scan " + i);
        assertEquals(a.odometry, b.odometry);
        assertFalse(Arrays.equals(a.scans.get(3), c.scans.get(3)), "another seed, other lidar noise");
        assertFalse(a.poses.equals(c.poses), "another seed, other wheel slip");
    }

    /** Drives BenchWorld (noise on everywhere) through a fixed command script. */
    private static Run drive(long seed) {
        Run run = new Run();
        try (Simulator sim = new Simulator(BenchWorld.scenario())) {
            TickReadings t = sim.reset(seed);
            for (int k = 0; k < 120; k++) {
                double w = Math.sin(k * 0.1) * 1.5;
                t = sim.step(Fixtures.cmd(sim, k < 100 ? 0.6 : -0.3, w));
                run.poses.add(t.groundTruth());
                for (Stamped r : t.readings()) {
                    if (r instanceof LidarScan l) run.scans.add(l.ranges());
                    if (r instanceof Odometry o) run.odometry.add(o.pose());
                }
            }
        }
        return run;
    }

    private static final class Run {
        final List<Pose2D> poses = new ArrayList<>();
        final List<float[]> scans = new ArrayList<>();
        final List<Pose2D> odometry = new ArrayList<>();
    }

    @Test
    void straightCommandMovesItsDistanceLessTheRamp() {
        Scenario s = Fixtures.scenario(List.of(), List.of(), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            sim.reset(1);
            for (int k = 0; k < 40; k++) sim.step(Fixtures.cmd(sim, 0.5, 0));
            // 1 m/s^2 ramp over 0.5 s at 100 Hz: sum of min(0.01 k, 0.5) * 0.01 for k = 1..200.
            double expected = 0.01 * 0.01 * (50 * 51 / 2.0) + 150 * 0.5 * 0.01;
            assertEquals(0.8775, expected, 1e-12);
            assertEquals(expected, sim.groundTruth().x(), 1e-4);
            assertEquals(0, sim.groundTruth().y(), 1e-6);
            assertEquals(0, sim.groundTruth().yaw(), 1e-6);
        }
    }

    @Test
    void limitsClampTheCommand() {
        Scenario s = Fixtures.scenario(List.of(), List.of(), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            sim.reset(1);
            TickReadings t = null;
            for (int k = 0; k < 40; k++) t = sim.step(Fixtures.cmd(sim, 5.0, 0));
            assertEquals(Fixtures.LIMITS.maxLinearVelocity(), t.latest(Odometry.class).twist().linear(), 1e-4);
            for (int k = 0; k < 20; k++) t = sim.step(Fixtures.cmd(sim, 0, -9.0));
            assertEquals(-Fixtures.LIMITS.maxAngularVelocity(), t.latest(Odometry.class).twist().angular(), 1e-4);
        }
    }

    @Test
    void expiredCommandStopsTheBaseAndIsReportedOnce() {
        Scenario s = Fixtures.scenario(List.of(), List.of(), Pose2D.ORIGIN, Fixtures.robot());
        try (Simulator sim = new Simulator(s)) {
            sim.reset(1);
            List<EpisodeEvent> expired = new ArrayList<>();
            // One command, valid 0.5 s; then nothing for 2 s.
            TickReadings t = sim.step(VelocityCommand.of(sim.nowNanos(), new Twist2D(0.5, 0), 500_000_000L));
            for (int k = 0; k < 40; k++) {
                for (EpisodeEvent e : t.events()) if (e.kind() == EpisodeEvent.Kind.COMMAND_EXPIRED) expired.add(e);
                t = sim.step(null);
            }
            assertEquals(1, expired.size());
            assertEquals(Clock.SIM_EPOCH_NANOS + 510_000_000L, expired.get(0).stampNanos(), "first substep past the deadline");
            assertEquals("sim", expired.get(0).source());
            Pose2D stopped = sim.groundTruth();
            assertTrue(stopped.x() > 0.2, "it moved while the command was valid: " + stopped.x());
            assertEquals(0, t.latest(Odometry.class).twist().linear(), 1e-9);
            sim.step(null);
            assertEquals(stopped, sim.groundTruth(), "stopped for good");
            // A fresh command drives again; its lapse is reported again.
            sim.step(VelocityCommand.of(sim.nowNanos(), new Twist2D(0.5, 0), 100_000_000L));
            long again = 0;
            for (int k = 0; k < 5; k++) {
                again += sim.step(null).events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.COMMAND_EXPIRED).count();
            }
            assertEquals(1, again);
        }
    }
}
