package dev.umwelt.bus.observation;

import dev.umwelt.bus.Stamped;

import java.util.Objects;
import java.util.Optional;

/**
 * One modality's slot in an {@link Observation}: the reading if present, its age at the
 * observation's stamp, or why it is absent. An absent sense may still carry the last reading
 * seen (for diagnostics), but {@link #present()} is the only thing a policy may act on.
 */
public record Sense<T extends Stamped>(Modality modality, T reading, long ageNanos, AbsenceReason absence) {
    public Sense {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(absence, "absence");
        if (absence == AbsenceReason.NONE && reading == null) {
            throw new IllegalArgumentException(modality.key() + " is marked present but has no reading");
        }
        if (ageNanos < 0) throw new IllegalArgumentException(modality.key() + " age is negative: " + ageNanos);
    }

    public static <T extends Stamped> Sense<T> present(Modality modality, T reading, long observationStampNanos) {
        return new Sense<>(modality, reading, Math.max(0, observationStampNanos - reading.stampNanos()), AbsenceReason.NONE);
    }

    public static <T extends Stamped> Sense<T> absent(Modality modality, AbsenceReason why) {
        if (why == AbsenceReason.NONE) throw new IllegalArgumentException("absent needs a reason");
        return new Sense<>(modality, null, 0, why);
    }

    public boolean present() {
        return absence == AbsenceReason.NONE;
    }

    /** The reading, only when present. */
    public Optional<T> value() {
        return present() ? Optional.of(reading) : Optional.empty();
    }
}
