package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Rephrased scenarios: the same worlds, starts, targets and geodesics, other words. */
class RephrasingTest {
    static final Rephrasing HELDOUT = new Rephrasing(PhrasingFile.load(PhrasingFilesTest.HELDOUT), 0);

    @Test
    void onlyTheInstructionChanges() {
        for (String task : ScenarioGenerator.TASKS) {
            for (int i = 0; i < 4; i++) {
                GeneratedScenario g = ScenarioGenerator.generate(0, i, Split.VAL, task);
                Rephrasing.Rephrased r = HELDOUT.rephrase(g);
                Scenario a = g.scenario(), b = r.scenario().scenario();
                assertNotEquals(a.task().instruction(), b.task().instruction(), task + " " + i);
                assertEquals(a.world(), b.world());
                assertEquals(a.start(), b.start());
                assertEquals(a.seed(), b.seed());
                assertEquals(a.timeLimitSeconds(), b.timeLimitSeconds());
                assertEquals(a.soundEmitters(), b.soundEmitters());
                assertEquals(g.difficulty(), r.scenario().difficulty());
                assertEquals(a.task().kind(), b.task().kind());
                Geodesics geo = new Geodesics(ClearanceGrid.build(a.world()), a.robot().footprintRadius());
                Vec2 from = new Vec2(a.start().x(), a.start().y());
                assertEquals(TaskGeodesics.distance(geo, a.world(), a.task(), from), TaskGeodesics.distance(geo, b.world(), b.task(), from));
                if (a.task() instanceof ObjectGoal og) assertEquals(og.targetId(), ((ObjectGoal) b.task()).targetId());
                // The rewritten YAML is what the episode file will hold: it parses to the same scenario.
                assertEquals(b, ScenarioLoader.parse(r.scenario().yaml(), Path.of(g.name() + ".yaml")));
                assertEquals(a, ScenarioLoader.parse(g.yaml(), Path.of(g.name() + ".yaml")), "the original is untouched");
                assertTrue(r.origin().startsWith("heldout.txt:"), r.origin());
            }
        }
    }

    @Test
    void theTargetIsNamedInTheFilesWords() {
        for (int i = 0; i < 8; i++) {
            GeneratedScenario g = ScenarioGenerator.generate(0, i, Split.VAL, "objectnav");
            WorldObject t = ((ObjectGoal) g.scenario().task()).target(g.scenario().world());
            String text = HELDOUT.rephrase(g).scenario().scenario().task().instruction();
            assertTrue(HELDOUT.file().spellings(t.colour().name()).stream().anyMatch(text::contains), text);
            assertTrue(HELDOUT.file().spellings(t.label()).stream().anyMatch(text::contains), text + " for a " + t.label());
        }
    }

    @Test
    void theChoiceIsSeededPerScenario() {
        List<String> first = new ArrayList<>(), again = new ArrayList<>(), other = new ArrayList<>();
        Rephrasing seed1 = new Rephrasing(HELDOUT.file(), 1);
        for (int i = 0; i < 6; i++) {
            GeneratedScenario g = ScenarioGenerator.generate(0, i, Split.VAL, "objectnav");
            first.add(HELDOUT.rephrase(g).scenario().scenario().task().instruction());
            again.add(new Rephrasing(HELDOUT.file(), 0).rephrase(g).scenario().scenario().task().instruction());
            other.add(seed1.rephrase(g).scenario().scenario().task().instruction());
        }
        assertEquals(first, again);
        assertNotEquals(first, other);
        // Scenario 3 alone gets what it got as the fourth of six: the draw depends on the scenario, not the suite.
        assertEquals(first.get(3), HELDOUT.rephrase(ScenarioGenerator.generate(0, 3, Split.VAL, "objectnav"))
                .scenario().scenario().task().instruction());
    }

    @Test
    void aFileWhoseTemplatesCannotBeFilledIsRefused() {
        // A one-room world names no room for a sound; a file whose only template needs one cannot phrase it.
        GeneratedScenario g = null;
        for (int i = 0; g == null; i++) {
            GeneratedScenario c = ScenarioGenerator.generate(0, i, Split.VAL, "audiogoal");
            if (c.scenario().world().rooms().size() == 1) g = c;
        }
        Rephrasing roomOnly = new Rephrasing(PhrasingFile.parse("[audiogoal]\nthe {sound} thing in the {room}\n", Path.of("r.txt")), 0);
        GeneratedScenario oneRoom = g;
        ScenarioException e = assertThrows(ScenarioException.class, () -> roomOnly.rephrase(oneRoom));
        assertTrue(e.getMessage().startsWith("r.txt:1: no [audiogoal] template fits " + g.name()), e.getMessage());
    }
}
