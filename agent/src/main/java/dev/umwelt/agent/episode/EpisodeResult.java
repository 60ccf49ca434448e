package dev.umwelt.agent.episode;

import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;

import java.util.List;

/**
 * How an episode went: its metrics, its events, its length in ticks, the control deadlines it
 * missed (realtime runs only; always 0 in lockstep) and the wall time it took.
 */
public record EpisodeResult(EpisodeSpec spec, EpisodeMetrics metrics, List<EpisodeEvent> events, long ticks,
                            long missedDeadlines, double wallSeconds) {
    public EpisodeResult {
        events = List.copyOf(events);
    }

    /** Simulated seconds per wall-clock second. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? metrics.timeSeconds() / wallSeconds : Double.POSITIVE_INFINITY;
    }
}
