package dev.umwelt.agent.bench;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;

import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The full lockstep loop: simulator, bus, observation building, world model, a policy and the
 * safety chain, episode after episode until enough simulated time is measured ({@code bench sim}:
 * the oracle on the bench world, seeds 1, 2, ...; {@code bench policy}: the VLA and the explorer on
 * the same episodes). Counts everything an episode costs:
 * deployment, planning, metrics.
 */
public final class LoopBenchmark {
    /** {@code metresDriven}: the robots' path length over all episodes (a robot that stands still costs the world model less). */
    public record Result(int episodes, int successes, double simSeconds, double wallSeconds, double metresDriven) {
        public double realTimeFactor() {
            return simSeconds / wallSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f sim-s in %.3f wall-s: %.0fx real time, %d episodes (%d succeeded), %.0f m driven",
                    simSeconds, wallSeconds, realTimeFactor(), episodes, successes, metresDriven);
        }
    }

    private final LongFunction<EpisodeSpec> episode;
    private final Supplier<Policy> maker;

    /** {@code policy} by name on {@code scenario}, episode i with seed i. */
    public LoopBenchmark(Scenario scenario, String policy) {
        this(seed -> EpisodeSpec.of(scenario, policy).withSeed(seed), () -> Policies.create(policy));
    }

    /** Episode i as {@code episode} makes it, run by a fresh instance from {@code maker} ({@code vla} on a model loaded once). */
    public LoopBenchmark(LongFunction<EpisodeSpec> episode, Supplier<Policy> maker) {
        this.episode = episode;
        this.maker = maker;
    }

    /** Episodes {@code first}, {@code first + 1}, ... until {@code simSeconds} of simulated time have run. */
    public Result run(EpisodeRunner runner, double simSeconds, long first) {
        double sim = 0, metres = 0;
        int episodes = 0, successes = 0;
        long begin = System.nanoTime();
        for (long i = first; sim < simSeconds; i++) {
            EpisodeSpec spec = episode.apply(i);
            EpisodeResult r = runner.run(spec, maker.get(), null, EpisodeObserver.NONE);
            if (!(r.metrics().timeSeconds() > 0)) {
                // Else the loop would never end: e.g. a policy that refuses the instruction and STOPs at once.
                throw new IllegalStateException("bench: " + spec.policy() + " ended " + spec.scenario().name() + " (seed "
                        + spec.seed() + ") at its first tick (" + r.metrics().endReason() + "): no simulated time to measure");
            }
            sim += r.metrics().timeSeconds();
            metres += r.metrics().pathLength();
            episodes++;
            if (r.metrics().success()) successes++;
        }
        return new Result(episodes, successes, sim, (System.nanoTime() - begin) / 1e9, metres);
    }
}
