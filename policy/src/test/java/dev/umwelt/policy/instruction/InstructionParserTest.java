package dev.umwelt.policy.instruction;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.Shape;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstructionParserTest {
    final InstructionParser parser = new InstructionParser();

    private Target target(String text) {
        ParsedInstruction p = parser.parse(text);
        assertEquals(List.of(), p.problems(), text);
        assertEquals(List.of(), p.unknownWords(), text);
        return p.target().orElseThrow();
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

    /** Every phrasing of every split's templates, as the generator fills them, parses to the task's target. */
    @Test
    void everyGeneratedInstructionParses() {
        int n = 0;
        for (Split split : Split.values()) {
            for (String task : ScenarioGenerator.TASKS) {
                for (int i = 0; i < 12; i++) {
                    Scenario s = ScenarioGenerator.generate(5, i, split, task).scenario();
                    String text = s.task().instruction();
                    Target t = target(text);
                    if (s.task() instanceof PointGoal pg) {
                        PointTarget p = (PointTarget) t;
                        assertEquals(pg.goal().x(), p.x(), 0.00501, text);
                        assertEquals(pg.goal().y(), p.y(), 0.00501, text);
                    } else if (s.task() instanceof ObjectGoal og) {
                        WorldObject o = og.target(s.world());
                        ObjectTarget ot = (ObjectTarget) t;
                        assertEquals(o.colour().name(), ot.colour(), text);
                        assertEquals(o.shape(), ot.shape(), text);
                        assertEquals(o.label(), ot.label(), text);
                        ot.inRoom().ifPresent(r -> assertEquals(s.world().roomAt(o.position()).orElseThrow().name(), r, text));
                        assertTrue(ot.nearLandmark().isEmpty() || ot.nearLandmark().get().equals("door"), text);
                    } else {
                        SoundTarget st = (SoundTarget) t;
                        assertTrue(List.of("alarm", "phone", "beeping", "ringing").contains(st.soundWord()), text);
                        AudioGoal ag = (AudioGoal) s.task();
                        st.inRoom().ifPresent(r -> assertEquals(s.world().roomAt(ag.emitterPosition()).orElseThrow().name(), r, text));
                    }
                    n++;
                }
            }
        }
        assertEquals(3 * 3 * 12, n);
    }

    /** Each template is also parsed alone with placeholder values, so no phrasing escapes the sample above. */
    @Test
    void everyTemplateParses() {
        for (Split split : Split.values()) {
            for (String t : split.objectTemplates()) {
                assertEquals(new ObjectTarget("purple", Shape.CONE, "cone", Optional.empty(), Optional.of("dining room")),
                        target(t.replace("{colour}", "purple").replace("{shape}", "cone") + " in the dining room"), t);
            }
            for (String t : split.pointTemplates()) {
                assertEquals(new PointTarget(-1.5, 12.25), target(t.replace("{x}", "-1.50").replace("{y}", "12.25")), t);
            }
            for (String t : split.audioTemplates()) {
                assertTrue(target(t.replace("{sound}", "ringing").replace("{device}", "phone")) instanceof SoundTarget, t);
            }
        }
    }
}
