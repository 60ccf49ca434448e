package dev.umwelt.agent.suite;

import dev.umwelt.scenarios.Scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One episode of a suite: a scenario, its seed, and labels that reports carry along (for
 * generated scenarios: rooms, whether the target starts out of view, ...) and, for a scenario
 * without a file (a generated one), the text it was parsed from, for its episode file.
 */
public record SuiteEntry(Scenario scenario, long seed, Map<String, Object> labels, String scenarioYaml) {
    public SuiteEntry {
        Objects.requireNonNull(scenario, "scenario");
        labels = Map.copyOf(labels);
    }

    /** {@code scenarioYaml}: null, the scenario's file holds its text. */
    public SuiteEntry(Scenario scenario, long seed, Map<String, Object> labels) {
        this(scenario, seed, labels, null);
    }

    public static SuiteEntry of(Scenario scenario) {
        return new SuiteEntry(scenario, scenario.seed(), Map.of());
    }
}
