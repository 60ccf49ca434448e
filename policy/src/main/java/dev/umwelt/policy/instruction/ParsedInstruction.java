package dev.umwelt.policy.instruction;

import java.util.List;
import java.util.Optional;

/**
 * The result of parsing: the target when exactly one was named, the words the parser does not
 * know (in order, lower case), and problems (contradictions, a missing target). A target is
 * never guessed: with a problem the target is empty.
 */
public record ParsedInstruction(Optional<Target> target, List<String> unknownWords, List<String> problems) {
    public ParsedInstruction {
        unknownWords = List.copyOf(unknownWords);
        problems = List.copyOf(problems);
    }

    /** A target and no problems (unknown words may remain: "please" is harmless). */
    public boolean ok() {
        return target.isPresent() && problems.isEmpty();
    }
}
