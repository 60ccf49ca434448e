package dev.umwelt.agent.episode;

import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an episode went: its metrics, its events, its length in ticks, the control deadlines it
 * missed (realtime runs only; always 0 in lockstep) and the wall time it took.
 */
public record EpisodeResult(EpisodeSpec spec, EpisodeMetrics metrics, List<EpisodeEvent> events, long ticks,
                            long missedDeadlines, double wallSeconds) {
    public EpisodeResult {
        events = List.copyOf(events);
    }

    /** The object {@code run --json} prints, and each element of a suite's {@code episodes}, in stable key order. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", spec.scenario().name());
        m.put("seed", spec.seed());
        m.put("policy", spec.policy());
        m.put("task", spec.scenario().task().kind());
        m.putAll(metrics.toJsonMap());
        m.put("ticks", ticks);
        m.put("missedDeadlines", missedDeadlines);
        m.put("wallSeconds", wallSeconds);
        return m;
    }

    /** Simulated seconds per wall-clock second. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? metrics.timeSeconds() / wallSeconds : Double.POSITIVE_INFINITY;
    }
}
