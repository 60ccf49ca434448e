package dev.umwelt.policy.instruction;

import java.util.Objects;

/** A sound to go to; {@code soundWord} is the instruction's most specific sound word ("alarm", "beeping", "sound"). */
public record SoundTarget(String soundWord) implements Target {
    public SoundTarget {
        Objects.requireNonNull(soundWord, "soundWord");
    }
}
