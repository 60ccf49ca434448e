package dev.umwelt.agent.suite;

import dev.umwelt.scenarios.Scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One episode of a suite: a scenario, its seed, and labels that reports carry along (for
 * generated scenarios: rooms, whether the target starts out of view, ...).
 */
public record SuiteEntry(Scenario scenario, long seed, Map<String, Object> labels) {
    public SuiteEntry {
        Objects.requireNonNull(scenario, "scenario");
        labels = Map.copyOf(labels);
    }

    public static SuiteEntry of(Scenario scenario) {
        return new SuiteEntry(scenario, scenario.seed(), Map.of());
    }
}
