package dev.umwelt.scenarios.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of one navigation episode. Distances in metres, time in seconds.
 * {@code geodesicDistance} is start to goal and {@code finalDistanceToGoal} final position to
 * goal, both geodesic ({@code +Infinity} when unreachable). {@code endReason} is one of
 * {@code stop}, {@code time-limit}, {@code error}, {@code viewer-closed}, {@code interrupted}.
 */
public record EpisodeMetrics(boolean success, double spl, double softSpl, double pathLength, int collisions,
                             double timeSeconds, String trajectoryHash, double geodesicDistance,
                             double finalDistanceToGoal, boolean stopped, String endReason) {
    /** Why an episode ended: STOP, its time limit, an error, a person closing the viewer, or a signal (SIGINT, SIGTERM). */
    public static final Set<String> END_REASONS = Set.of("stop", "time-limit", "error", "viewer-closed", "interrupted");

    public EpisodeMetrics {
        Objects.requireNonNull(trajectoryHash, "trajectoryHash");
        if (!END_REASONS.contains(endReason)) {
            throw new IllegalArgumentException("endReason must be one of " + new java.util.TreeSet<>(END_REASONS) + ": " + endReason);
        }
        if (collisions < 0) throw new IllegalArgumentException("collisions must be >= 0: " + collisions);
    }

    /**
     * The metrics as a map in a fixed key order, for Jackson. Non-finite numbers (an
     * unreachable goal) become null, since JSON has no Infinity.
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", success);
        m.put("spl", finite(spl));
        m.put("softSpl", finite(softSpl));
        m.put("pathLength", finite(pathLength));
        m.put("collisions", collisions);
        m.put("timeSeconds", finite(timeSeconds));
        m.put("trajectoryHash", trajectoryHash);
        m.put("geodesicDistance", finite(geodesicDistance));
        m.put("finalDistanceToGoal", finite(finalDistanceToGoal));
        m.put("stopped", stopped);
        m.put("endReason", endReason);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
