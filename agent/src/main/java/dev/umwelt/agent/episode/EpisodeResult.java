package dev.umwelt.agent.episode;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import dev.umwelt.worldmodel.MapSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an episode went: its metrics, its events, its length in ticks, the control deadlines it
 * missed (realtime runs only; always 0 in lockstep), the wall time it took, the ground-truth
 * trajectory (one pose per control tick, for pictures) and the first and last camera frames
 * the robot saw (null when it saw none), and the robot's final belief (its world model's map,
 * estimated path, objects, sounds, frontiers; null when none was kept).
 */
public record EpisodeResult(EpisodeSpec spec, EpisodeMetrics metrics, List<EpisodeEvent> events, long ticks,
                            long missedDeadlines, double wallSeconds, List<Pose2D> trajectory,
                            CameraFrame firstFrame, CameraFrame lastFrame, MapSnapshot belief) {
    public EpisodeResult {
        events = List.copyOf(events);
        trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
    }

    /** A result without trajectory or frames (the shape before pictures). */
    public EpisodeResult(EpisodeSpec spec, EpisodeMetrics metrics, List<EpisodeEvent> events, long ticks,
                         long missedDeadlines, double wallSeconds) {
        this(spec, metrics, events, ticks, missedDeadlines, wallSeconds, List.of(), null, null, null);
    }

    /** A result without a belief snapshot. */
    public EpisodeResult(EpisodeSpec spec, EpisodeMetrics metrics, List<EpisodeEvent> events, long ticks,
                         long missedDeadlines, double wallSeconds, List<Pose2D> trajectory,
                         CameraFrame firstFrame, CameraFrame lastFrame) {
        this(spec, metrics, events, ticks, missedDeadlines, wallSeconds, trajectory, firstFrame, lastFrame, null);
    }

    /** The same result carrying the robot's final belief. */
    public EpisodeResult withBelief(MapSnapshot snapshot) {
        return new EpisodeResult(spec, metrics, events, ticks, missedDeadlines, wallSeconds, trajectory, firstFrame,
                lastFrame, snapshot);
    }

    /** The same result without its camera frames and belief map: suites keep thousands of results and draw neither. */
    public EpisodeResult withoutFrames() {
        return firstFrame == null && lastFrame == null && belief == null ? this
                : new EpisodeResult(spec, metrics, events, ticks, missedDeadlines, wallSeconds, trajectory, null, null, null);
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
        m.put("shieldInterventions", count(EpisodeEvent.Kind.SHIELD_INTERVENTION));
        m.put("watchdogStops", count(EpisodeEvent.Kind.WATCHDOG_STOP));
        return m;
    }

    /** How many events of a kind the episode had (shield interventions, watchdog stops, ...). */
    public long count(EpisodeEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    /** Simulated seconds per wall-clock second. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? metrics.timeSeconds() / wallSeconds : Double.POSITIVE_INFINITY;
    }
}
