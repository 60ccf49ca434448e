package dev.umwelt.agent.episode;

import dev.umwelt.scenarios.Scenario;

import java.util.Objects;

/**
 * One episode to run: the scenario, the seed (which overrides the scenario's own), the policy
 * by name, and whether to pace the simulation to the wall clock.
 */
public record EpisodeSpec(Scenario scenario, long seed, String policy, boolean realtime) {
    public EpisodeSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(policy, "policy");
    }

    public static EpisodeSpec of(Scenario scenario, String policy) {
        return new EpisodeSpec(scenario, scenario.seed(), policy, false);
    }
}
