package dev.umwelt.agent.safety;

import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The safety chain in whole episodes: the shield against an obstacle-blind walker and beside the oracle, the watchdog under a lidar drop. */
class ShieldEpisodesTest {
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    static List<SuiteOutcome> run(GeneratedSuite suite, String policy, boolean shield) {
        List<SuiteOutcome> out = new SuiteRunner(THREADS).shield(shield).run(suite.entries(), policy, null);
        out.forEach(o -> assertNull(o.error(), o.error()));
        return out;
    }

    static int collisions(List<SuiteOutcome> os) {
        return os.stream().mapToInt(o -> o.result().metrics().collisions()).sum();
    }

    static double path(List<SuiteOutcome> os) {
        return os.stream().mapToDouble(o -> o.result().metrics().pathLength()).sum();
    }

    static double success(List<SuiteOutcome> os) {
        return os.stream().filter(o -> o.result().metrics().success()).count() / (double) os.size();
    }

    @Test
    void shieldStopsTheRandomWalkerFromEverTouchingAWall() {
        GeneratedSuite suite = GeneratedSuite.generate(50, 0, Split.TEST, "pointnav");
        List<SuiteOutcome> off = run(suite, "random-walk", false), on = run(suite, "random-walk", true);
        long interventions = on.stream().mapToLong(o -> o.result().count(EpisodeEvent.Kind.SHIELD_INTERVENTION)).sum();
        System.out.printf("random-walk x50: collisions %d without the shield, %d with; path %.1f m without, %.1f m with;"
                + " %d interventions%n", collisions(off), collisions(on), path(off), path(on), interventions);
        assertTrue(collisions(off) > 0, "the walker is blind: it must hit something without the shield");
        assertEquals(0, collisions(on), "with the shield it never does");
        assertTrue(path(on) >= path(off) / 2, "the shield must not simply park the robot");
        assertTrue(interventions > 0);
        assertEquals(0, off.stream().mapToLong(o -> o.result().count(EpisodeEvent.Kind.SHIELD_INTERVENTION)).sum());
    }

    @Test
    void oracleSucceedsAsOftenWithTheShield() {
        GeneratedSuite suite = GeneratedSuite.generate(100, 1, Split.TEST, "pointnav");
        List<SuiteOutcome> off = run(suite, "oracle", false), on = run(suite, "oracle", true);
        System.out.printf("oracle x100: success %.3f without the shield, %.3f with; collisions %d / %d%n",
                success(off), success(on), collisions(off), collisions(on));
        assertTrue(Math.abs(success(on) - success(off)) <= 0.02 + 1e-9, success(on) + " vs " + success(off));
        assertEquals(0, collisions(on));
    }

    /** Requires the lidar and drives ahead slowly; the watchdog must stop it while the lidar is gone. */
    static final class LidarCrawler implements Policy {
        private long period;

        @Override public String name() { return "lidar-crawler"; }
        @Override public Set<Modality> requiredModalities() { return Set.of(Modality.LIDAR); }
        @Override public void reset(EpisodeContext c) { period = c.robot().controlPeriodNanos(); }
        @Override public ActionChunk act(Observation o, Instruction i) {
            return ActionChunk.move(o.stampNanos(), period, new Twist2D(0.05, 0.2));
        }
    }

    @Test
    void watchdogStopsWithin200msOfALidarDropAndResumesAfterIt() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        s = s.withFaults(List.of(FaultSpec.parse("lidar:drop@2s-4s")));
        EpisodeResult r;
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            r = runner.start(EpisodeSpec.of(s, "lidar-crawler").withCamera(false), new LidarCrawler(), null)
                    .toCompletionStage().toCompletableFuture().join();
        }
        List<EpisodeEvent> stops = r.events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.WATCHDOG_STOP).toList();
        List<EpisodeEvent> resumes = r.events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.WATCHDOG_RESUME).toList();
        assertEquals(1, stops.size(), r.events().toString());
        assertEquals(1, resumes.size(), r.events().toString());
        double stopAt = (stops.get(0).header().stampNanos() - Clock.SIM_EPOCH_NANOS) / 1e9;
        double resumeAt = (resumes.get(0).header().stampNanos() - Clock.SIM_EPOCH_NANOS) / 1e9;
        System.out.printf("lidar drop 2-4 s: WATCHDOG_STOP at %.3f s, WATCHDOG_RESUME at %.3f s%n", stopAt, resumeAt);
        assertTrue(stopAt >= 2.0 && stopAt <= 2.2, "stop at " + stopAt);
        assertTrue(resumeAt >= 4.0, "resume at " + resumeAt);
        assertEquals(1L, r.toJsonMap().get("watchdogStops"));
    }
}
