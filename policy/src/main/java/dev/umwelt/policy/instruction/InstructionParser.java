package dev.umwelt.policy.instruction;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Parses navigation instructions for the classical stack (skeleton; the grammar follows). */
public final class InstructionParser {
    public ParsedInstruction parse(String text) {
        return new ParsedInstruction(Optional.empty(), List.of(), List.of("no target named"));
    }

    /** The unique candidate matching {@code target}, or a problem naming the ambiguity or the absence. */
    public static <T> Resolution<T> resolve(ObjectTarget target, List<T> candidates, Function<T, Candidate> describe) {
        return Resolution.problem("not implemented");
    }
}
