package dev.umwelt.agent.episode;

import dev.umwelt.scenarios.Scenario;

import java.util.Objects;

/**
 * One episode to run: the scenario, the seed (which overrides the scenario's own), the policy
 * by name, whether to pace the simulation to the wall clock, and whether to render the camera
 * (frames never change the trajectory; suites skip them when no policy looks).
 */
public record EpisodeSpec(Scenario scenario, long seed, String policy, boolean realtime, boolean camera) {
    public EpisodeSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(policy, "policy");
    }

    /** With the camera rendered, as {@code run} does. */
    public EpisodeSpec(Scenario scenario, long seed, String policy, boolean realtime) {
        this(scenario, seed, policy, realtime, true);
    }

    public static EpisodeSpec of(Scenario scenario, String policy) {
        return new EpisodeSpec(scenario, scenario.seed(), policy, false);
    }
}
