package dev.umwelt.agent;

import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.policy.instruction.ObjectTarget;
import dev.umwelt.policy.instruction.ParsedTargets;
import dev.umwelt.policy.instruction.PointTarget;
import dev.umwelt.policy.instruction.SoundTarget;
import dev.umwelt.policy.instruction.Target;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The explorer's parser against the generator's own words: here, not in {@code policy}, because
 * {@code policy} may not see scenarios (the module graph), and this is where the two meet.
 */
class GeneratedInstructionsTest {
    private static Target target(String text) {
        return ParsedTargets.of(text);
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
