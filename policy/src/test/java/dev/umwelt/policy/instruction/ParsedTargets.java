package dev.umwelt.policy.instruction;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helper, shared with agent's tests through the test jar: the target of a sentence the parser must understand whole. */
public final class ParsedTargets {
    private static final InstructionParser PARSER = new InstructionParser();

    private ParsedTargets() {}

    /** The target of {@code text}, asserting that nothing in it was unknown or a problem. */
    public static Target of(String text) {
        ParsedInstruction p = PARSER.parse(text);
        assertEquals(List.of(), p.problems(), text);
        assertEquals(List.of(), p.unknownWords(), text);
        return p.target().orElseThrow();
    }
}
