package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {
    @Test
    void sameArgumentsGiveByteIdenticalYamlAndEqualScenario() {
        for (String task : List.of("pointnav", "objectnav", "audiogoal")) {
            GeneratedScenario a = ScenarioGenerator.generate(7, 12, Split.TEST, task);
            GeneratedScenario b = ScenarioGenerator.generate(7, 12, Split.TEST, task);
            assertEquals(a.yaml(), b.yaml());
            assertEquals(a.scenario(), b.scenario());
            assertEquals(a.difficulty(), b.difficulty());
            assertEquals(a.scenario(), ScenarioLoader.parse(a.yaml(), Path.of(a.name() + ".yaml")));
        }
    }

    @Test
    void writtenFileLoadsToTheSameScenarioApartFromItsPath(@TempDir Path dir) throws IOException {
        GeneratedScenario g = ScenarioGenerator.generate(7, 12, Split.TEST, "objectnav");
        Path file = dir.resolve(g.name() + ".yaml");
        Files.writeString(file, g.yaml());
        Scenario loaded = ScenarioLoader.load(file);
        Scenario s = g.scenario();
        assertEquals(new Scenario(s.name(), file, s.robotRef(), s.robot(), s.world(), s.start(), s.task(),
                s.timeLimitSeconds(), s.physicsRateHz(), s.seed()), loaded);
    }

    @Test
    void nameSeedAndExactShape() {
        GeneratedScenario g = ScenarioGenerator.generate(7, 12, Split.TEST, "objectnav");
        assertEquals("gen-test-objectnav-s7-i12", g.name());
        Scenario s = g.scenario();
        assertEquals(2_000_000_019L, s.seed());
        assertEquals("turtle", s.robotRef());
        assertEquals(ObjectGoal.DEFAULT_SUCCESS_RADIUS, s.task().successRadius());
        double limit = Math.max(60, Math.min(300, Math.round(30 + 5 * g.difficulty().geodesicDistance())));
        assertEquals(limit, s.timeLimitSeconds());
        assertTrue(g.yaml().contains("robot: turtle\n"));
        assertTrue(g.difficulty().rooms() >= 1 && g.difficulty().rooms() <= 6);
        WorldObject target = ((ObjectGoal) s.task()).target(s.world());
        assertFalse(target.movable());
        assertTrue(target.sizeX() >= 0.3 && target.sizeX() <= 0.6, "target size " + target.sizeX());
        assertTrue(Set.of("box", "cylinder", "ball", "cone").contains(target.label()));
    }

    @Test
    void differentIndicesAndSplitsGiveDifferentWorlds() {
        Set<String> yamls = new HashSet<>();
        for (Split split : Split.values()) {
            for (int i = 0; i < 5; i++) yamls.add(ScenarioGenerator.generate(0, i, split, "pointnav").yaml());
        }
        assertEquals(15, yamls.size());
    }

    @Test
    void pointNavInstructionUsesTheSplitsPhrasingWithTwoDecimals() {
        for (Split split : Split.values()) {
            GeneratedScenario g = ScenarioGenerator.generate(3, 4, split, "pointnav");
            PointGoal goal = (PointGoal) g.scenario().task();
            String x = String.format(java.util.Locale.ROOT, "%.2f", goal.goal().x());
            String y = String.format(java.util.Locale.ROOT, "%.2f", goal.goal().y());
            assertTrue(split.pointTemplates().stream()
                    .anyMatch(t -> t.replace("{x}", x).replace("{y}", y).equals(goal.instruction())), goal.instruction());
        }
    }

    @Test
    void objectNavInstructionUsesTheSplitsPhrasing() {
        for (Split split : Split.values()) {
            for (int i = 0; i < 10; i++) {
                GeneratedScenario g = ScenarioGenerator.generate(3, i, split, "objectnav");
                ObjectGoal goal = (ObjectGoal) g.scenario().task();
                WorldObject t = goal.target(g.scenario().world());
                String bare = goal.instruction().replaceFirst(" (near the door|in the .*)$", "");
                assertTrue(split.objectTemplates().stream()
                        .anyMatch(p -> p.replace("{colour}", t.colour().name()).replace("{shape}", t.label()).equals(bare)),
                        goal.instruction());
                if (goal.instruction().contains(" in the ")) {
                    String room = goal.instruction().substring(goal.instruction().lastIndexOf(" in the ") + 8);
                    assertEquals(room, g.scenario().world().roomAt(t.position()).orElseThrow().name());
                }
            }
        }
    }

    @Test
    void seedRangesAreDisjointAndBounded() {
        assertEquals(0, Split.TRAIN.generatorSeed(0, 0));
        assertEquals(999_999_999L, Split.TRAIN.generatorSeed(999_999_000L, 999));
        assertEquals(1_000_000_000L, Split.VAL.generatorSeed(0, 0));
        assertEquals(2_000_000_019L, Split.TEST.generatorSeed(7, 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Split.TRAIN.generatorSeed(999_999_999L, 1));
        assertEquals("seed 999999999 + index 1 must lie in [0, 1000000000) so that the train split keeps to its own seed range",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Split.VAL.generatorSeed(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Split.VAL.generatorSeed(0, -1));
        for (Split a : Split.values()) {
            for (Split b : Split.values()) {
                if (a == b) continue;
                assertTrue(a.seedBase() + Split.SEEDS_PER_SPLIT <= b.seedBase() || b.seedBase() + Split.SEEDS_PER_SPLIT <= a.seedBase());
            }
        }
    }

    @Test
    void phrasingsAreDisjointAcrossSplits() {
        for (Split a : Split.values()) {
            for (Split b : Split.values()) {
                if (a == b) continue;
                for (String t : a.objectTemplates()) assertFalse(b.objectTemplates().contains(t), t);
                for (String t : a.pointTemplates()) assertFalse(b.pointTemplates().contains(t), t);
                for (String t : a.audioTemplates()) assertFalse(b.audioTemplates().contains(t), t);
                assertNotEquals(a.seedBase(), b.seedBase());
            }
        }
    }

    @Test
    void unknownTaskIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioGenerator.generate(0, 0, Split.TRAIN, "vln"));
        assertEquals("unknown task 'vln'; expected pointnav, objectnav or audiogoal", e.getMessage());
    }

    @Test
    void quartilesInterpolate() {
        List<Difficulty> ds = List.of(new Difficulty(1, 1, true, false, 0, 1), new Difficulty(2, 2, false, true, 2, 1),
                new Difficulty(2, 3, false, false, 0, 2), new Difficulty(3, 4, true, true, 1, 1));
        DifficultyStats s = DifficultyStats.of(ds);
        assertEquals(4, s.count());
        assertEquals(1.75, s.geodesicQ1(), 1e-12);
        assertEquals(2.5, s.geodesicMedian(), 1e-12);
        assertEquals(3.25, s.geodesicQ3(), 1e-12);
        assertEquals(0.5, s.shareOutOfView());
        assertEquals(0.5, s.shareDistractorSharesAttribute());
        assertEquals(java.util.Map.of(1, 1, 2, 2, 3, 1), s.roomHistogram());
        assertTrue(s.toString().contains("median 2.50"));
    }
}
