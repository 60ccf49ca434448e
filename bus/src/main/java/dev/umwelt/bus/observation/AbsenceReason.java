package dev.umwelt.bus.observation;

/**
 * Why a modality is not in an observation. {@link #NONE} means present. Logs store the name,
 * so constants may be added but never renamed.
 */
public enum AbsenceReason {
    /** Present: a reading within the modality's maximum age. */
    NONE,
    /** No reading has ever arrived (or the robot has no such sensor). */
    NEVER_ARRIVED,
    /** The newest reading is older than the modality's maximum age. */
    STALE,
    /** Readings are being dropped (a link or driver failure was detected). */
    DROPPED,
    /** The reading is malformed: NaN floods, wrong sizes, impossible values, blank frames. */
    CORRUPT,
    /** The same payload keeps arriving with advancing stamps. */
    FROZEN,
    /** The reading's noise is far beyond the sensor's specification. */
    NOISY,
    /** Switched off on purpose (configuration, a test, an operator). */
    DISABLED
}
