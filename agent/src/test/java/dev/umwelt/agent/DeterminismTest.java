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
            lockstep = one.run(EpisodeSpec.of(s, "oracle").withSeed(11), null).metrics().trajectoryHash();
            realtime = one.run(EpisodeSpec.of(s, "oracle").withSeed(11).withPacing(true, 1.0), null).metrics().trajectoryHash();
            otherSeed = one.run(EpisodeSpec.of(s, "oracle").withSeed(12), null).metrics().trajectoryHash();
        }
        try (EpisodeRunner two = new EpisodeRunner(2)) {
            var a = two.start(EpisodeSpec.of(s, "oracle").withSeed(11), null);
            var b = two.start(EpisodeSpec.of(s, "oracle").withSeed(11), null);
            lockstep2 = a.toCompletionStage().toCompletableFuture().join().metrics().trajectoryHash();
            assertEquals(lockstep2, b.toCompletionStage().toCompletableFuture().join().metrics().trajectoryHash());
        }
        assertEquals(16, lockstep.length());
        assertEquals(lockstep, realtime, "--realtime must not change the trajectory");
        assertEquals(lockstep, lockstep2, "running two episodes side by side must not change the trajectory");
        assertNotEquals(lockstep, otherSeed, "another seed must change the noisy trajectory");
    }
}
