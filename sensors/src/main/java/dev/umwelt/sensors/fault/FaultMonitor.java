package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modalities;
import dev.umwelt.bus.observation.Modality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * The fault detectors of one robot, run by the observation path once per tick on the readings
 * that arrived: it answers why a modality must be treated as absent (NONE: it need not) and
 * turns every change of verdict into an episode event, SENSOR_FAULT or SENSOR_RECOVERED, with
 * the modality's key as source. Modalities without an expectation are not judged. Odometry is
 * judged first each tick: only its healthy readings tell the other senses' freeze rules that
 * the robot moved (a still robot, say one the watchdog stopped for an odometry fault, sees a
 * still image, which is no frozen camera).
 */
public final class FaultMonitor {
    private final EnumMap<Modality, FaultDetector> detectors = new EnumMap<>(Modality.class);
    private final List<Modality> order = new ArrayList<>();
    private final MotionWitness motion = new MotionWitness();

    public FaultMonitor(List<SensorExpectation> expectations) {
        for (SensorExpectation e : expectations) detectors.put(e.modality(), new FaultDetector(e));
        if (detectors.containsKey(Modality.ODOMETRY)) order.add(Modality.ODOMETRY);
        for (Modality m : detectors.keySet()) if (m != Modality.ODOMETRY) order.add(m);
    }

    /** Judges the readings that arrived at {@code nowNanos}; returns the events of verdicts that changed. */
    public List<EpisodeEvent> update(long nowNanos, List<? extends Stamped> arrived) {
        EnumMap<Modality, List<Stamped>> byModality = new EnumMap<>(Modality.class);
        for (Stamped r : arrived) {
            Modalities.of(r).ifPresent(m -> byModality.computeIfAbsent(m, k -> new ArrayList<>()).add(r));
        }
        List<EpisodeEvent> events = new ArrayList<>(0);
        for (Modality m : order) {
            FaultDetector d = detectors.get(m);
            FaultDetector.Verdict before = d.verdict();
            FaultDetector.Verdict after = d.update(nowNanos, byModality.getOrDefault(m, List.of()), motion);
            if (after == before || after.reason() == before.reason()) continue;
            Header h = new Header(nowNanos, Frames.BASE_LINK);
            String source = m.key();
            events.add(after.reason() == AbsenceReason.NONE
                    ? new EpisodeEvent(h, EpisodeEvent.Kind.SENSOR_RECOVERED, source, "healthy after " + before.detail())
                    : new EpisodeEvent(h, EpisodeEvent.Kind.SENSOR_FAULT, source, after.detail()));
        }
        return events;
    }

    /** The reason a SENSOR_FAULT event reports (its detail starts with the rule's word); NONE for any other event. */
    public static AbsenceReason reasonOf(EpisodeEvent e) {
        if (e.kind() != EpisodeEvent.Kind.SENSOR_FAULT) return AbsenceReason.NONE;
        String d = e.detail();
        String word = d.contains(":") ? d.substring(0, d.indexOf(':')) : d;
        return switch (word) {
            case "dropped" -> AbsenceReason.DROPPED;
            case "frozen" -> AbsenceReason.FROZEN;
            case "delayed" -> AbsenceReason.STALE;
            case "noisy" -> AbsenceReason.NOISY;
            case "corrupt" -> AbsenceReason.CORRUPT;
            default -> AbsenceReason.NONE;
        };
    }

    /** Why {@code m} must be absent now; NONE when its detector has nothing against it (or it has none). */
    public AbsenceReason reason(Modality m) {
        FaultDetector d = detectors.get(m);
        return d == null ? AbsenceReason.NONE : d.verdict().reason();
    }
}
