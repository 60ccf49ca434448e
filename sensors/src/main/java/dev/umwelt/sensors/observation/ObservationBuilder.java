package dev.umwelt.sensors.observation;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modalities;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.observation.Sense;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The control loop's view of the senses: at each tick, per modality, the newest reading by
 * STAMP (never by arrival order) that is not later than the tick; present if its age is within
 * the modality's maximum age, otherwise STALE; NEVER_ARRIVED if nothing usable has come yet.
 * One builder per robot; not thread-safe (it lives on the robot's context).
 */
public final class ObservationBuilder {
    /** Readings kept per modality: enough to cover late arrivals and readings stamped ahead of a tick. */
    static final int HISTORY = 8;

    private final EnumMap<Modality, Long> maxAgeNanos;
    private final EnumMap<Modality, StampOrderedHistory> history = new EnumMap<>(Modality.class);

    /** {@code maxAgeNanos}: per modality; modalities not listed never go stale. */
    public ObservationBuilder(Map<Modality, Long> maxAgeNanos) {
        this.maxAgeNanos = new EnumMap<>(Modality.class);
        maxAgeNanos.forEach((m, age) -> {
            if (age <= 0) throw new IllegalArgumentException("max age of " + m.key() + " must be positive: " + age);
            this.maxAgeNanos.put(m, age);
        });
        for (Modality m : Modality.values()) history.put(m, new StampOrderedHistory(HISTORY));
    }

    /** Max age of {@code periods} sensor periods for each modality with a rate in Hz. */
    public static ObservationBuilder forRates(Map<Modality, Double> rateHz, double periods) {
        EnumMap<Modality, Long> ages = new EnumMap<>(Modality.class);
        rateHz.forEach((m, hz) -> ages.put(m, Math.round(periods * 1e9 / hz)));
        return new ObservationBuilder(ages);
    }

    /** Offers a reading of any modality; other message types are ignored. */
    public void accept(Stamped reading) {
        Objects.requireNonNull(reading, "reading");
        Modalities.of(reading).ifPresent(m -> history.get(m).add(reading));
    }

    public Observation build(long stampNanos, Pose2D privilegedPose) {
        return build(stampNanos, privilegedPose, m -> AbsenceReason.NONE);
    }

    /**
     * With a fault verdict per modality (e.g. a {@code FaultMonitor}'s): a modality judged faulty
     * is absent with that reason, keeping its newest reading for diagnostics only, so that
     * garbage never reaches a policy as present.
     */
    public Observation build(long stampNanos, Pose2D privilegedPose, Function<Modality, AbsenceReason> faults) {
        Observation.Builder b = Observation.at(stampNanos).privilegedPose(privilegedPose);
        for (Modality m : Modality.values()) {
            Sense<?> s = senseOf(m, stampNanos);
            AbsenceReason fault = faults.apply(m);
            if (fault != null && fault != AbsenceReason.NONE && s.absence() != AbsenceReason.NEVER_ARRIVED) {
                s = new Sense<>(m, s.reading(), s.ageNanos(), fault);
            }
            b.sense(s);
        }
        return b.build();
    }

    private Sense<?> senseOf(Modality m, long now) {
        Stamped r = history.get(m).newestAtOrBefore(now);
        if (r == null) return Sense.absent(m, AbsenceReason.NEVER_ARRIVED);
        long age = now - r.stampNanos();
        Long max = maxAgeNanos.get(m);
        if (max != null && age > max) return new Sense<>(m, r, age, AbsenceReason.STALE);
        return Sense.present(m, r, now);
    }
}
