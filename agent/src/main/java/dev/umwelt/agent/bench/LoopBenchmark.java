package dev.umwelt.agent.bench;

import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;

import java.util.Locale;

/**
 * The full lockstep loop on the bench world: simulator, bus, observation building and the
 * oracle policy, episode after episode (seeds 1, 2, ...) until enough simulated time is
 * measured. Counts everything an episode costs: deployment, planning, metrics.
 */
public final class LoopBenchmark {
    public record Result(int episodes, int successes, double simSeconds, double wallSeconds) {
        public double realTimeFactor() {
            return simSeconds / wallSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f sim-s in %.3f wall-s: %.0fx real time, %d episodes (%d succeeded)",
                    simSeconds, wallSeconds, realTimeFactor(), episodes, successes);
        }
    }

    private final Scenario scenario;
    private final String policy;

    public LoopBenchmark(Scenario scenario, String policy) {
        this.scenario = scenario;
        this.policy = policy;
    }

    public Result run(EpisodeRunner runner, double simSeconds, long firstSeed) {
        double sim = 0;
        int episodes = 0, successes = 0;
        long begin = System.nanoTime();
        for (long seed = firstSeed; sim < simSeconds; seed++) {
            EpisodeResult r = runner.run(new EpisodeSpec(scenario, seed, policy, false), null);
            sim += r.metrics().timeSeconds();
            episodes++;
            if (r.metrics().success()) successes++;
        }
        return new Result(episodes, successes, sim, (System.nanoTime() - begin) / 1e9);
    }
}
