package dev.umwelt.agent;

import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.TinyModel;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code --policy vla} with the tiny random-weight model in the real simulator (camera rendered,
 * world model, shield): catalog scenarios run to their (shortened) time limit without a policy
 * failure, and the same scenarios, seeds and model give the same trajectory hashes on 1 and 2
 * threads, the model's session shared by every episode.
 */
class VlaEpisodesTest {
    static final double SECONDS = 8;

    static Scenario shortened(String name) {
        Scenario s = ScenarioLoader.load(Catalog.scenario(name));
        return new Scenario(s.name(), s.source(), s.robotRef(), s.robot(), s.world(), s.start(), s.task(), SECONDS,
                s.physicsRateHz(), s.seed(), s.domainRandomization(), s.soundEmitters(), s.acoustics(), s.faults());
    }

    @Test
    void catalogEpisodesRunToTheirEndAndGiveTheSameHashesOnOneAndTwoThreads() {
        List<SuiteEntry> entries = new ArrayList<>();
        for (String name : List.of("single-room", "office-find-green-cylinder", "kitchen-beeping-alarm", "l-corridor")) {
            entries.add(SuiteEntry.of(shortened(name)));
        }
        var robots = entries.stream().map(e -> e.scenario().robot()).distinct().toList();
        var vla = Policies.maker("vla", TinyModel.dir(), ModelDirectory.Inference.CPU, robots);
        List<SuiteOutcome> one = new SuiteRunner(1).run(entries, "vla", vla, null);
        List<SuiteOutcome> two = new SuiteRunner(2).run(entries, "vla", vla, null);
        List<String> h1 = SuiteDeterminismTest.hashes(one), h2 = SuiteDeterminismTest.hashes(two);
        assertEquals(h1, h2, "the thread count must not change a vla trajectory");
        assertEquals(entries.size(), h1.stream().distinct().count(), "different scenarios, different trajectories");
        for (SuiteOutcome o : one) {
            var m = o.result().metrics();
            String who = o.entry().scenario().name() + ": " + m;
            assertEquals("time-limit", m.endReason(), who); // the random net's STOP bias keeps it going
            assertEquals(SECONDS, m.timeSeconds(), 0.06, who);
            assertTrue(m.pathLength() > 0.1, "it drove: " + who);
            assertEquals(0, m.collisions(), "the shield holds: " + who);
        }
    }
}
