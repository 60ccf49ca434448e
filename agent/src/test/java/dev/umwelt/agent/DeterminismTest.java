package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Same scenario and seed: same trajectory hash, lockstep or realtime, 1 or 2 threads; another seed changes it. */
class DeterminismTest {
    @Test
    void trajectoryHashIsAFunctionOfScenarioSeedAndPolicyOnly() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        String lockstep, lockstep2, realtime, otherSeed;
        try (EpisodeRunner one = new EpisodeRunner(1)) {
            lockstep = one.run(new EpisodeSpec(s, 11, "oracle", false), null).metrics().trajectoryHash();
            realtime = one.run(new EpisodeSpec(s, 11, "oracle", true), null).metrics().trajectoryHash();
            otherSeed = one.run(new EpisodeSpec(s, 12, "oracle", false), null).metrics().trajectoryHash();
        }
        try (EpisodeRunner two = new EpisodeRunner(2)) {
            var a = two.start(new EpisodeSpec(s, 11, "oracle", false), null);
            var b = two.start(new EpisodeSpec(s, 11, "oracle", false), null);
            lockstep2 = a.toCompletionStage().toCompletableFuture().join().metrics().trajectoryHash();
            assertEquals(lockstep2, b.toCompletionStage().toCompletableFuture().join().metrics().trajectoryHash());
        }
        assertEquals(16, lockstep.length());
        assertEquals(lockstep, realtime, "--realtime must not change the trajectory");
        assertEquals(lockstep, lockstep2, "running two episodes side by side must not change the trajectory");
        assertNotEquals(lockstep, otherSeed, "another seed must change the noisy trajectory");
    }
}
