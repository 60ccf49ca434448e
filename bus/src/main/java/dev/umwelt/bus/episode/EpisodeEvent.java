package dev.umwelt.bus.episode;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Objects;

/**
 * Something worth a line in the episode log: a start, a collision, a STOP, a sensor fault, a
 * safety intervention. {@code source} names who saw it (e.g. {@code sim}, {@code shield}).
 */
public record EpisodeEvent(Header header, Kind kind, String source, String detail) implements Stamped {
    /** Logs store the name: constants may be added but never renamed. */
    public enum Kind {
        EPISODE_STARTED, EPISODE_ENDED, INSTRUCTION_RECEIVED, STOP_EMITTED, TIME_LIMIT_REACHED,
        COLLISION_BEGAN, COLLISION_ENDED, COMMAND_EXPIRED,
        SENSOR_FAULT, SENSOR_RECOVERED, SHIELD_INTERVENTION, WATCHDOG_STOP, WATCHDOG_RESUME, EMERGENCY_STOP,
        /** The policy explains itself: why it stopped (instruction not understood, ambiguous target), what it is doing. */
        POLICY_NOTE
    }

    public EpisodeEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }
}
