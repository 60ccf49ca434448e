package dev.umwelt.agent.suite;

import dev.umwelt.agent.episode.EpisodeResult;

/** An episode's result, or the error that ended it (a suite never loses the others to one crash). */
public record SuiteOutcome(SuiteEntry entry, String policy, EpisodeResult result, String error) {
    public boolean failedToRun() {
        return result == null;
    }
}
