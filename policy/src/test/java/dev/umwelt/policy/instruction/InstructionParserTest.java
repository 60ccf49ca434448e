package dev.umwelt.policy.instruction;

import dev.umwelt.bus.appearance.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionParserTest {
    final InstructionParser parser = new InstructionParser();

    private static Target target(String text) {
        return ParsedTargets.of(text);
    }

    @Test
    void objectsWithColourShapeAndQualifiers() {
        assertEquals(new ObjectTarget("red", Shape.BOX, "box", Optional.empty(), Optional.empty()), target("go to the red box"));
        assertEquals(new ObjectTarget("grey", Shape.SPHERE, "ball", Optional.empty(), Optional.empty()), target("Find the GRAY sphere."));
        assertEquals(new ObjectTarget("blue", Shape.CYLINDER, "cylinder", Optional.of("door"), Optional.of("living room")),
                target("drive up to the blue can near the door in the living room"));
        assertEquals(new ObjectTarget(null, Shape.BOX, "table", Optional.of("window"), Optional.empty()), target("approach the table by the window"));
        assertEquals(new ObjectTarget("green", Shape.CYLINDER, "plant pot", Optional.of("sofa"), Optional.of("kitchen")),
                target("head over to the green plant pot next to the sofa in the kitchen"));
        assertEquals(new ObjectTarget("yellow", Shape.CONE, "cone", Optional.empty(), Optional.of("room c")), target("go to the yellow cone in room c"));
        assertEquals(new ObjectTarget("white", Shape.BOX, "box", Optional.empty(), Optional.of("south corridor")),
                target("find the white crate in the south corridor"));
    }

    @Test
    void soundsAndPoints() {
        assertEquals(new SoundTarget("alarm"), target("go to the beeping alarm"));
        assertEquals(new SoundTarget("phone"), target("find the ringing phone"));
        assertEquals(new SoundTarget("beeping"), target("head towards the beeping sound"));
        assertEquals(new SoundTarget("sound"), target("go to the sound"));
        assertEquals(new SoundTarget("alarm", Optional.of("bedroom")), target("find the beeping alarm in the bedroom"));
        assertEquals(new PointTarget(3.5, -2), target("go to 3.5, -2"));
        assertEquals(new PointTarget(1.25, -0.5), target("go to (1.25, -0.50)"));
        assertEquals(new PointTarget(4, 2), target("reach the location x 4, y 2"));
        assertEquals(new PointTarget(4, 2), target("reach y 2, x 4"));
    }

    @Test
    void unknownWordsAreReportedNotGuessed() {
        ParsedInstruction p = parser.parse("please go to the red gizmo quickly");
        assertEquals(List.of("gizmo", "quickly"), p.unknownWords());
        // The colour alone still names an object; the unknown noun is reported for the caller to judge.
        assertEquals(Optional.of(new ObjectTarget("red", null, null, Optional.empty(), Optional.empty())), p.target());
    }

    @Test
    void contradictionsAndMissingTargetsAreProblems() {
        assertProblem("go to the red blue box", "two colours: red and blue");
        assertProblem("go to the red box and the ball", "two objects: box and ball");
        assertProblem("go to the thing", "no target named");
        assertProblem("go to the kitchen", "no target named (a room alone is not a target: kitchen)");
        assertProblem("go to the door", "no target named (a landmark alone is not a target: door)");
        assertProblem("go to the red box at 1, 2", "more than one target: a point and an object (red box)");
        assertProblem("go to the beeping red box", "more than one target: an object (red box) and a sound (beeping)");
        assertProblem("go to 3.5", "one number (3.5): a point needs x and y");
        assertProblem("go to 1, 2, 3", "3 numbers: a point needs exactly x and y");
        assertProblem("go to x 1, x 2", "two x values: 1 and 2");
        assertProblem("go to the box in the kitchen in the bedroom", "two rooms: kitchen and bedroom");
        assertProblem("go to the red box near", "'near' names no landmark");
    }

    private void assertProblem(String text, String problem) {
        ParsedInstruction p = parser.parse(text);
        assertEquals(List.of(problem), p.problems(), text);
        assertTrue(p.target().isEmpty(), text);
    }

    @Test
    void resolveFindsTheUniqueMatchOrNamesTheAmbiguity() {
        ObjectTarget redBox = (ObjectTarget) target("go to the red box");
        Candidate a = new Candidate("red", Shape.BOX, null, 1.0, 2.0), b = new Candidate("red", Shape.BOX, null, 4.0, 5.0);
        Candidate ball = new Candidate("red", Shape.SPHERE, null, 0, 0), blue = new Candidate("blue", Shape.BOX, null, 7, 7);
        assertEquals(Optional.of(a), InstructionParser.resolveCandidates(redBox, List.of(a, ball, blue)).match());
        Resolution<Candidate> two = InstructionParser.resolveCandidates(redBox, List.of(a, ball, b));
        assertEquals(Optional.empty(), two.match());
        assertEquals(Optional.of("2 remembered objects match 'red box': at (1.0, 2.0) and (4.0, 5.0)"), two.problem());
        assertEquals(Optional.of("no remembered object matches 'red box'"), InstructionParser.resolveCandidates(redBox, List.of(ball, blue)).problem());
        // A furniture word needs the label when the candidate has one.
        ObjectTarget table = (ObjectTarget) target("go to the brown table");
        Candidate desk = new Candidate("brown", Shape.BOX, "desk", 1, 1), tbl = new Candidate("brown", Shape.BOX, "table", 2, 2);
        assertEquals(Optional.of(tbl), InstructionParser.resolveCandidates(table, List.of(desk, tbl)).match());
    }
}
