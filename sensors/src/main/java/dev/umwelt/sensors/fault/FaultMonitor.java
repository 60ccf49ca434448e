package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modalities;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.Odometry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fault detectors of one robot, run by the observation path once per tick on the readings
 * that arrived: it answers why a modality must be treated as absent (NONE: it need not) and
 * turns every change of verdict into an episode event, SENSOR_FAULT or SENSOR_RECOVERED, with
 * the modality's key as source. Modalities without an expectation are not judged.
 */
public final class FaultMonitor {
    private final EnumMap<Modality, FaultDetector> detectors = new EnumMap<>(Modality.class);
    /** Whether the newest odometry says the robot moves: a moving robot cannot see the same scan twice. */
    private boolean moving;

    public FaultMonitor(List<SensorExpectation> expectations) {
        for (SensorExpectation e : expectations) detectors.put(e.modality(), new FaultDetector(e));
    }

    /** Judges the readings that arrived at {@code nowNanos}; returns the events of verdicts that changed. */
    public List<EpisodeEvent> update(long nowNanos, List<? extends Stamped> arrived) {
        EnumMap<Modality, List<Stamped>> byModality = new EnumMap<>(Modality.class);
        for (Stamped r : arrived) {
            Modalities.of(r).ifPresent(m -> byModality.computeIfAbsent(m, k -> new ArrayList<>()).add(r));
            if (r instanceof Odometry o) moving = o.twist().linear() != 0 || o.twist().angular() != 0;
        }
        List<EpisodeEvent> events = new ArrayList<>(0);
        for (Map.Entry<Modality, FaultDetector> e : detectors.entrySet()) {
            FaultDetector d = e.getValue();
            FaultDetector.Verdict before = d.verdict();
            FaultDetector.Verdict after = d.update(nowNanos, byModality.getOrDefault(e.getKey(), List.of()), moving);
            if (after == before || after.reason() == before.reason()) continue;
            Header h = new Header(nowNanos, Frames.BASE_LINK);
            String source = e.getKey().key();
            events.add(after.reason() == AbsenceReason.NONE
                    ? new EpisodeEvent(h, EpisodeEvent.Kind.SENSOR_RECOVERED, source, "healthy after " + before.detail())
                    : new EpisodeEvent(h, EpisodeEvent.Kind.SENSOR_FAULT, source, after.detail()));
        }
        return events;
    }

    /** Why {@code m} must be absent now; NONE when its detector has nothing against it (or it has none). */
    public AbsenceReason reason(Modality m) {
        FaultDetector d = detectors.get(m);
        return d == null ? AbsenceReason.NONE : d.verdict().reason();
    }
}
