package dev.umwelt.agent.suite;

import dev.umwelt.scenarios.metrics.EpisodeMetrics;

/**
 * Report bins by geodesic start-to-goal distance, available for every episode (hand-written or
 * generated), so tables from different suites compare.
 */
public enum DifficultyBand {
    EASY("easy", "< 5 m"), MEDIUM("medium", "5-10 m"), HARD("hard", ">= 10 m");

    private final String key, range;

    DifficultyBand(String key, String range) {
        this.key = key;
        this.range = range;
    }

    public String key() {
        return key;
    }

    public String label() {
        return key + " (" + range + ")";
    }

    public static DifficultyBand of(EpisodeMetrics m) {
        double d = m.geodesicDistance();
        return d < 5 ? EASY : d < 10 ? MEDIUM : HARD;
    }
}
