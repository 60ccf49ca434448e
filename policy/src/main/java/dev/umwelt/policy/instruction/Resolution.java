package dev.umwelt.policy.instruction;

import java.util.Optional;

/** The unique candidate matching a target, or the problem why there is none ("2 remembered objects match ..."). */
public record Resolution<T>(Optional<T> match, Optional<String> problem) {
    static <T> Resolution<T> of(T match) {
        return new Resolution<>(Optional.of(match), Optional.empty());
    }

    static <T> Resolution<T> problem(String why) {
        return new Resolution<>(Optional.empty(), Optional.of(why));
    }
}
