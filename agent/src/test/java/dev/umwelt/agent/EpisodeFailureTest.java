package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.*;

/** Episodes end cleanly whatever the policy does: throw, or never STOP. */
class EpisodeFailureTest {
    /** Drives forward slowly for a number of ticks, then throws (or never, when -1). */
    static final class Unreliable implements Policy {
        private final int failAt;
        private int ticks;

        Unreliable(int failAt) {
            this.failAt = failAt;
        }

        @Override public String name() { return "unreliable"; }
        @Override public Set<Modality> requiredModalities() { return Set.of(Modality.LIDAR); }
        @Override public void reset(EpisodeContext context) { ticks = 0; }

        @Override
        public ActionChunk act(Observation observation, Instruction instruction) {
            if (ticks++ == failAt) throw new IllegalStateException("sensor model diverged");
            assertTrue(observation.privileged().isEmpty(), "a non-privileged policy never sees the true pose");
            assertTrue(observation.has(Modality.LIDAR), "lidar is present every tick");
            return ActionChunk.move(observation.stampNanos(), 50_000_000L, new Twist2D(0.05, 0));
        }
    }

    @Test
    void aThrowingPolicyEndsTheEpisodeWithItsErrorAndTick() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            var f = runner.start(EpisodeSpec.of(s, "unreliable"), new Unreliable(30), null)
                    .toCompletionStage().toCompletableFuture();
            CompletionException e = assertThrows(CompletionException.class, f::join);
            assertTrue(e.getCause().getMessage().contains("unreliable failed at tick 30"), e.getCause().getMessage());
            assertTrue(e.getCause().getMessage().contains("sensor model diverged"), e.getCause().getMessage());
        }
    }

    @Test
    void aPolicyThatNeverStopsEndsAtTheTimeLimitAsAFailure() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            var r = runner.start(EpisodeSpec.of(s, "unreliable"), new Unreliable(-1), null)
                    .toCompletionStage().toCompletableFuture().join();
            assertEquals("time-limit", r.metrics().endReason());
            assertFalse(r.metrics().success());
            assertEquals(0.0, r.metrics().spl());
            assertEquals(s.timeLimitSeconds(), r.metrics().timeSeconds(), 0.051);
            assertEquals(Math.round(s.timeLimitSeconds() * 20), r.ticks());
        }
    }
}
