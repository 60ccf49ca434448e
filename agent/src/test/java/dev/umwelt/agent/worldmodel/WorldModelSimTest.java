package dev.umwelt.agent.worldmodel;

import dev.umwelt.worldmodel.MapSnapshot;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.sim.bench.LidarWander;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.sim.Simulator;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.query.PlannedPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The facade in the real simulator: observations in (each reading repeated while fresh), belief and queries out. */
class WorldModelSimTest {

    @Test
    void mapsLocalisesAndAnswersQueriesFromObservations() {
        Scenario scenario = SimMapping.drifting("four-room-apartment");
        Simulator sim = new Simulator(scenario, null);
        TickReadings t = sim.reset(7);
        Pose2D start = sim.groundTruth();
        WorldModel wm = new WorldModel(scenario.robot(), scenario.start(), WorldModelConfig.DEFAULTS);
        SplittableRandom rnd = new SplittableRandom(7);
        LidarScan scan = null;
        Odometry odom = null;
        long scansSeen = 0;
        double bias = 0, maxErr = 0;
        int ticks = (int) (45 * scenario.robot().controlRateHz());
        for (int k = 0; k <= ticks; k++) {
            for (Stamped r : t.readings()) {
                if (r instanceof LidarScan s) { scan = s; scansSeen++; }
                if (r instanceof Odometry o) odom = o;
            }
            Observation.Builder b = Observation.at(t.stampNanos());
            if (scan != null) b.present(Modality.LIDAR, scan);
            if (odom != null) b.present(Modality.ODOMETRY, odom);
            Observation obs = b.build();
            wm.update(obs);
            long scansBefore = wm.grid().scans();
            wm.update(obs); // the same readings again: used once
            assertEquals(scansBefore, wm.grid().scans());
            maxErr = Math.max(maxErr, wm.pose().distanceTo(sim.groundTruth()));
            if (k == ticks) break;
            if (k % 40 == 0) bias = rnd.nextDouble(-0.6, 0.6);
            t = sim.step(VelocityCommand.of(sim.nowNanos(), LidarWander.command(scan, bias), 300_000_000L));
        }
        Pose2D truth = sim.groundTruth();
        double rawErr = start.compose(odom.pose()).distanceTo(truth);
        double err = wm.pose().distanceTo(truth);
        System.out.printf("world model: raw odometry error %.3f m, corrected %.3f m (max %.3f), scans %d seen %d processed,"
                        + " explored %.1f m^2, %d frontiers%n", rawErr, err, maxErr, scansSeen, wm.scansProcessed(),
                wm.exploredArea(), wm.frontiers().size());
        assertTrue(rawErr > 0.3, "drift should be visible: " + rawErr);
        assertTrue(err < 0.1, "corrected error " + err);
        assertTrue(wm.scansProcessed() < scansSeen / 2, "motion gate: " + wm.scansProcessed() + " of " + scansSeen);
        assertTrue(wm.exploredArea() > 20, "explored " + wm.exploredArea());

        List<Frontier> frontiers = wm.frontiers();
        assertFalse(frontiers.isEmpty());
        for (Frontier f : frontiers) assertTrue(wm.grid().isFreeAt(f.x(), f.y()), f.toString());
        Optional<PlannedPath> toFrontier = wm.plan(frontiers.get(0).x(), frontiers.get(0).y(), 0.1);
        assertTrue(toFrontier.isPresent(), "the nearest frontier is reachable");
        Optional<PlannedPath> home = wm.plan(scenario.start().x(), scenario.start().y(), 0.1);
        assertTrue(home.isPresent());
        assertEquals(0, home.get().unknownCells(), "the way back runs over seen floor");

        Belief belief = wm.belief(t.stampNanos());
        assertEquals(Frames.MAP, belief.header().frameId());
        assertEquals(wm.pose(), belief.pose());
        assertEquals(frontiers.size(), belief.frontierCount());
        assertEquals(wm.exploredArea(), belief.exploredAreaM2(), 1e-9);
        assertTrue(belief.matchScore() > 0.3 && belief.matchScore() <= 1, "score " + belief.matchScore());
        assertTrue(belief.objects().isEmpty() && belief.sounds().isEmpty(), "no camera, no audio fed");

        MapSnapshot snap = wm.snapshot();
        int fx = wm.grid().cellX(frontiers.get(0).x()), fy = wm.grid().cellY(frontiers.get(0).y());
        assertEquals(MapSnapshot.FREE, snap.cell(fx, fy));
        assertTrue(snap.trail().size() > 50, "trail " + snap.trail().size());
    }

    @Test
    void aRobotWithoutMicrophonesGetsAnEmptySoundMap() {
        Scenario scenario = SimMapping.drifting("single-room");
        var deaf = scenario.robot();
        deaf = new dev.umwelt.bus.robot.RobotDescription(deaf.name(), deaf.source(), deaf.footprintRadius(), deaf.wheelbase(),
                deaf.massKg(), deaf.safetyMargin(), deaf.limits(), deaf.motionNoise(), deaf.controlRateHz(),
                deaf.commandTimeoutSeconds(), deaf.lidar(), deaf.odometry(), null, List.of());
        WorldModel wm = new WorldModel(deaf, scenario.start(), WorldModelConfig.DEFAULTS);
        assertTrue(wm.sounds().strongest().isEmpty());
        assertEquals(scenario.start(), wm.pose());
        assertEquals(0, wm.belief(1).sounds().size());
    }
}
