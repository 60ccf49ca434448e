package dev.umwelt.policy.instruction;

import java.util.Objects;
import java.util.Optional;

/**
 * A sound to go to; {@code soundWord} is the instruction's most specific sound word: a device
 * ("alarm", "phone") before an adjective ("beeping") before a noun ("sound"). {@code inRoom}: the
 * room of "... in the kitchen" (generated AudioGoal instructions say it), empty when none.
 */
public record SoundTarget(String soundWord, Optional<String> inRoom) implements Target {
    public SoundTarget {
        Objects.requireNonNull(soundWord, "soundWord");
        Objects.requireNonNull(inRoom, "inRoom");
    }

    public SoundTarget(String soundWord) {
        this(soundWord, Optional.empty());
    }
}
