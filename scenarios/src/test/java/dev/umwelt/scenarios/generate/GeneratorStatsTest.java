package dev.umwelt.scenarios.generate;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.WorldObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minimums over 300 test-split scenarios per task. Solvability is re-checked here
 * on the parsed Scenario, independently of the generator's own bookkeeping.
 */
class GeneratorStatsTest {
    static final int N = 300;
    static final long SEED = 1;

    static List<GeneratedScenario> batch(String task) {
        // Scenarios are independent, so generating them in parallel changes nothing but the wall time.
        return IntStream.range(0, N).parallel()
                .mapToObj(i -> ScenarioGenerator.generate(SEED, i, Split.TEST, task)).toList();
    }

    @Test
    void objectNavMeetsTheMinimums() {
        List<GeneratedScenario> all = batch("objectnav");
        DifficultyStats stats = DifficultyStats.of(all.stream().map(GeneratedScenario::difficulty).toList());
        System.out.println("ObjectNav, test split, " + N + " scenarios:\n" + stats);
        assertTrue(stats.shareOutOfView() >= 0.30, stats.toString());
        assertTrue(stats.shareDistractorSharesAttribute() >= 0.40, stats.toString());
        assertTrue(stats.geodesicMedian() >= 5.0, stats.toString());
        for (GeneratedScenario g : all) {
            Scenario s = g.scenario();
            ObjectGoal goal = (ObjectGoal) s.task();
            WorldObject target = goal.target(s.world());
            assertEquals(1, s.world().objects().stream()
                    .filter(o -> o.colour().equals(target.colour()) && o.shape() == target.shape()).count(), g.name());
            assertTrue(goal.instruction().contains(target.colour().name() + " " + target.label()), g.name());
            assertTrue(Double.isFinite(g.difficulty().geodesicDistance()), g.name());
            assertTrue(Oracle.canReachNear(s, target, Checks.TARGET_REACH), g.name() + " unsolvable");
            plausible(s);
        }
    }

    @Test
    void pointNavMeetsTheMinimums() {
        List<GeneratedScenario> all = batch("pointnav");
        DifficultyStats stats = DifficultyStats.of(all.stream().map(GeneratedScenario::difficulty).toList());
        System.out.println("PointNav, test split, " + N + " scenarios:\n" + stats);
        assertTrue(stats.geodesicMedian() >= 5.0, stats.toString());
        for (GeneratedScenario g : all) {
            Scenario s = g.scenario();
            Vec2 goal = ((PointGoal) s.task()).goal();
            assertTrue(Oracle.canReach(s, goal), g.name() + " unsolvable");
            plausible(s);
        }
    }

    @Test
    void audioGoalMeetsTheMinimums() {
        List<GeneratedScenario> all = batch("audiogoal");
        DifficultyStats stats = DifficultyStats.of(all.stream().map(GeneratedScenario::difficulty).toList());
        System.out.println("AudioGoal, test split, " + N + " scenarios:\n" + stats);
        assertTrue(stats.geodesicMedian() >= 4.0, stats.toString());
        assertTrue(stats.shareOutOfView() >= 0.30, stats.toString());
        int beeps = 0;
        for (GeneratedScenario g : all) {
            Scenario s = g.scenario();
            AudioGoal goal = (AudioGoal) s.task();
            assertEquals(1, s.soundEmitters().size(), g.name());
            SoundEmitter e = s.soundEmitters().get(0);
            assertEquals(e.id(), goal.emitterId(), g.name());
            assertEquals(e.position(), goal.emitterPosition(), g.name());
            assertTrue(e.levelDb() >= 65 && e.levelDb() <= 75, g.name() + " level " + e.levelDb());
            double snr = e.levelDb() - s.acoustics().effectiveNoiseLevelDb(s.soundEmitters());
            assertTrue(Math.abs(snr - 15) < 1e-9 || Math.abs(snr - 20) < 1e-9 || Math.abs(snr - 25) < 1e-9, g.name() + " snr " + snr);
            if (e.kind() == SoundEmitter.Kind.BEEP) beeps++;
            assertTrue(s.world().roomAt(e.position()).isPresent(), g.name());
            String device = e.kind() == SoundEmitter.Kind.BEEP ? "beeping" : "ringing";
            assertTrue(goal.instruction().contains(device) || goal.instruction().contains(e.kind() == SoundEmitter.Kind.BEEP ? "alarm" : "phone"),
                    g.name() + ": " + goal.instruction());
            assertTrue(Split.TEST.audioTemplates().stream().anyMatch(t -> goal.instruction().startsWith(
                    t.replace("{sound}", e.kind() == SoundEmitter.Kind.BEEP ? "beeping" : "ringing")
                            .replace("{device}", e.kind() == SoundEmitter.Kind.BEEP ? "alarm" : "phone"))), goal.instruction());
            assertTrue(goal.distanceToGoal(s.world(), new Vec2(s.start().x(), s.start().y())) > goal.successRadius() + 1, g.name());
            assertTrue(Oracle.canReachNear(s, goal.surface(s.world()), Checks.TARGET_REACH), g.name() + " unsolvable");
            plausible(s);
        }
        // 70% beeps: a binomial(300, 0.7) stays within 0.6..0.8 with overwhelming probability (and the seed is fixed).
        assertTrue(beeps > 0.6 * N && beeps < 0.8 * N, "beeps " + beeps);
    }

    static void plausible(Scenario s) {
        List<WorldObject> os = s.world().objects();
        for (int i = 0; i < os.size(); i++) {
            for (int j = i + 1; j < os.size(); j++) {
                assertTrue(Footprints.gap(os.get(i), os.get(j)) >= Placer.GAP - 1e-9, s.name() + ": " + os.get(i).id() + " touches " + os.get(j).id());
            }
        }
        double min = 2 * s.robot().inflationRadius();
        for (Door d : s.world().doors()) assertTrue(d.width() >= min - 1e-9, "door " + d + " narrower than " + min);
    }

    /** An independent solvability check: BFS on a fresh grid at footprint + safety margin. */
    static final class Oracle {
        static boolean canReach(Scenario s, Vec2 goal) {
            Reach r = Reach.from(ClearanceGrid.build(s.world()), new Vec2(s.start().x(), s.start().y()), s.robot().inflationRadius());
            return Double.isFinite(r.at(goal));
        }

        static boolean canReachNear(Scenario s, WorldObject target, double within) {
            Reach r = Reach.from(ClearanceGrid.build(s.world()), new Vec2(s.start().x(), s.start().y()), s.robot().inflationRadius());
            return Checks.nearestCellNear(r, target, within).isPresent();
        }
    }
}
