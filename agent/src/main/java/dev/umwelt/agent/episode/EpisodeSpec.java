package dev.umwelt.agent.episode;

import dev.umwelt.scenarios.Scenario;

import java.util.Objects;

/**
 * One episode to run: the scenario, the seed (which overrides the scenario's own), the policy
 * by name, whether to pace the simulation to the wall clock, whether to render the camera
 * (frames never change the trajectory; suites skip them when no policy looks) and, when paced,
 * how many simulated seconds pass per wall-clock second ({@code speed}, 1.0 = real time).
 * {@code scenarioYaml} is the text the scenario was parsed from when it has no file (a generated
 * one), for the episode file; null: read from {@code scenario.source()} when recording.
 * {@code shield}: whether the safety shield filters the policy's commands (on unless {@code --no-shield}).
 * {@code teacher}: a policy by name that runs alongside on the same observations and labels each tick
 * ({@code /umwelt/teacher/action}) without ever driving (DAgger, {@code --teacher}); null: none.
 */
public record EpisodeSpec(Scenario scenario, long seed, String policy, boolean realtime, boolean camera,
                          double speed, String scenarioYaml, boolean shield, String teacher) {
    public EpisodeSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(policy, "policy");
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive finite number: " + speed);
        }
    }

    /** {@code policy} on {@code scenario} with the scenario's seed: lockstep, camera rendered (as {@code run}), shield on, no teacher. */
    public static EpisodeSpec of(Scenario scenario, String policy) {
        return new EpisodeSpec(scenario, scenario.seed(), policy, false, true, 1.0, null, true, null);
    }

    public EpisodeSpec withSeed(long s) {
        return new EpisodeSpec(scenario, s, policy, realtime, camera, speed, scenarioYaml, shield, teacher);
    }

    /** Paced to the wall clock ({@code realtime}) at {@code simSecondsPerSecond}, or lockstep. */
    public EpisodeSpec withPacing(boolean paced, double simSecondsPerSecond) {
        return new EpisodeSpec(scenario, seed, policy, paced, camera, simSecondsPerSecond, scenarioYaml, shield, teacher);
    }

    /** Whether the camera is rendered (for a policy that reads it); frames never change the trajectory. */
    public EpisodeSpec withCamera(boolean on) {
        return new EpisodeSpec(scenario, seed, policy, realtime, on, speed, scenarioYaml, shield, teacher);
    }

    /** The text a scenario without a file (a generated one) was parsed from, for the episode file. */
    public EpisodeSpec withScenarioYaml(String yaml) {
        return new EpisodeSpec(scenario, seed, policy, realtime, camera, speed, yaml, shield, teacher);
    }

    public EpisodeSpec withShield(boolean on) {
        return new EpisodeSpec(scenario, seed, policy, realtime, camera, speed, scenarioYaml, on, teacher);
    }

    /** With {@code name} (null: none) labelling every tick alongside the driving policy. */
    public EpisodeSpec withTeacher(String name) {
        return new EpisodeSpec(scenario, seed, policy, realtime, camera, speed, scenarioYaml, shield, name);
    }
}
