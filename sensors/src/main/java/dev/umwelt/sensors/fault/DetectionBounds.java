package dev.umwelt.sensors.fault;

import dev.umwelt.bus.fault.Fault;

import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;

/**
 * The documented promises of fault detection (sensors/README.md), as numbers for a stream:
 * the reason each kind is reported with, how soon after a window starts it is reported, and how
 * soon after it ends the sense is healthy again. P is the period, C the delivery batch (control
 * period); an audio chunk is heard only once its last sample has passed, one more P.
 */
public final class DetectionBounds {
    private DetectionBounds() {}

    /** The reason a fault of {@code kind} is reported with (a delay is STALE: late on arrival). */
    public static AbsenceReason reason(Fault.Kind kind) {
        return switch (kind) {
            case DROP -> AbsenceReason.DROPPED;
            case FREEZE -> AbsenceReason.FROZEN;
            case DELAY -> AbsenceReason.STALE;
            case NOISE -> AbsenceReason.NOISY;
            case CORRUPT -> AbsenceReason.CORRUPT;
        };
    }

    /**
     * Latest report of {@code fault}'s reason after its start: drop 4 P + 2 C, freeze 3 P + C (of a
     * robot that moves at least {@link MotionWitness#MIN_TRANSLATION_M} in 2 P, or a noisy
     * sensor), delay the delay + P + C, noise and corrupt P + C; audio one P more.
     */
    public static long detectionNanos(Fault fault, SensorExpectation s) {
        long p = s.periodNanos(), c = s.deliveryNanos();
        long bound = switch (fault.kind()) {
            case DROP -> (FaultDetector.DROP_PERIODS + 1) * p + 2 * c;
            case FREEZE -> FaultDetector.FROZEN_REPEATS * p + c;
            case DELAY -> fault.delayNanos() + p + c;
            case NOISE, CORRUPT -> p + c;
        };
        return bound + completion(s);
    }

    /** Latest recovery after the window's end: the first healthy reading (P), the hold, one delivery (C); audio one P more. */
    public static long recoveryNanos(SensorExpectation s) {
        return s.periodNanos() + FaultDetector.holdNanos(s) + s.deliveryNanos() + completion(s);
    }

    /** The shortest delay that is detected: a reading later than this is late; shorter ones look like delivery. */
    public static long minDetectableDelayNanos(SensorExpectation s) {
        return s.maxLatencyNanos();
    }

    /** A delay beyond this reads DROPPED first (nothing can tell a delay from a drop before something arrives). */
    public static long dropSilenceNanos(SensorExpectation s) {
        return FaultDetector.DROP_PERIODS * s.periodNanos() + s.deliveryNanos();
    }

    private static long completion(SensorExpectation s) {
        return s.modality() == Modality.AUDIO ? s.periodNanos() : 0;
    }
}
