package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The agent keeps a world model per episode and publishes its belief at 2 Hz of sim time. */
class BeliefBusTest {
    @Test
    void beliefGoesOnTheBusEveryHalfSimSecondAndTracksTheRobot() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        List<Belief> beliefs = new ArrayList<>();
        EpisodeResult r;
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            // the runner names its first robot r1
            runner.vertx().eventBus().<Belief>consumer(Addresses.belief("r1"), m -> {
                synchronized (beliefs) { beliefs.add(m.body()); }
            });
            r = runner.run(EpisodeSpec.of(s, "oracle").withSeed(3), null);
        }
        assertTrue(r.metrics().success(), "oracle reaches the goal");
        List<Belief> got;
        synchronized (beliefs) { got = List.copyOf(beliefs); }
        double simSeconds = r.ticks() / s.robot().controlRateHz();
        long expected = (long) Math.floor(simSeconds * 2) + 1;
        assertTrue(Math.abs(got.size() - expected) <= 1, got.size() + " beliefs for " + simSeconds + " s");
        for (int i = 1; i < got.size(); i++) {
            assertEquals(500_000_000L, got.get(i).header().stampNanos() - got.get(i - 1).header().stampNanos());
        }
        Belief last = got.get(got.size() - 1);
        assertEquals(Frames.MAP, last.header().frameId());
        // the first belief goes out on the first tick; the trajectory holds one pose per tick from there
        int tick = (int) ((last.header().stampNanos() - got.get(0).header().stampNanos()) / s.robot().controlPeriodNanos());
        Pose2D truth = r.trajectory().get(tick);
        assertTrue(last.pose().distanceTo(truth) < 0.1, "belief " + last.pose() + " vs truth " + truth + " at tick " + tick);
        assertTrue(last.exploredAreaM2() > 5, "explored " + last.exploredAreaM2());
        assertTrue(last.matchScore() > 0.3, "score " + last.matchScore());
        assertNotNull(r.belief(), "the result carries the final belief for map.png");
        assertTrue(r.belief().trail().size() > 10, "estimated path in the final belief");
    }
}
