package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.Scenario;

/**
 * A generated scenario: its file name stem, the YAML text, the Scenario parsed from that text
 * (exactly what loading the written file gives) and its difficulty.
 */
public record GeneratedScenario(String name, String yaml, Scenario scenario, Difficulty difficulty) {}
