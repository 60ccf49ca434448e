package dev.umwelt.agent.suite;

import dev.umwelt.scenarios.metrics.EpisodeMetrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregate metrics of a set of episodes. Episodes that crashed count as failures (success 0,
 * SPL 0) in every rate: a suite's numbers never look better because something broke.
 */
public record SuiteSummary(int episodes, int errors, double successRate, double meanSpl, double meanSoftSpl,
                           double collisionsPerEpisode, double meanTimeSeconds, double simSeconds) {

    public static SuiteSummary of(List<SuiteOutcome> outcomes) {
        int n = outcomes.size(), errors = 0, successes = 0;
        double spl = 0, soft = 0, collisions = 0, time = 0;
        for (SuiteOutcome o : outcomes) {
            if (o.failedToRun()) {
                errors++;
                continue;
            }
            EpisodeMetrics m = o.result().metrics();
            if (m.success()) successes++;
            spl += m.spl();
            soft += m.softSpl();
            collisions += m.collisions();
            time += m.timeSeconds();
        }
        int ran = n - errors;
        return new SuiteSummary(n, errors, ratio(successes, n), ratio(spl, n), ratio(soft, n), ratio(collisions, ran),
                ratio(time, ran), time);
    }

    private static double ratio(double x, int n) {
        return n == 0 ? 0 : x / n;
    }

    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episodes", episodes);
        m.put("errors", errors);
        m.put("successRate", successRate);
        m.put("meanSpl", meanSpl);
        m.put("meanSoftSpl", meanSoftSpl);
        m.put("collisionsPerEpisode", collisionsPerEpisode);
        m.put("meanTimeSeconds", meanTimeSeconds);
        return m;
    }
}
