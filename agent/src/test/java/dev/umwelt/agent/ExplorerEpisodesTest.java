package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The non-privileged explorer in whole episodes (real simulator, camera, audio, shield on). */
class ExplorerEpisodesTest {
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    static List<SuiteOutcome> run(GeneratedSuite suite) {
        List<SuiteOutcome> out = new SuiteRunner(THREADS).run(suite.entries(), "explorer", null);
        out.forEach(o -> assertNull(o.error(), o.error()));
        return out;
    }

    static EpisodeResult run(Scenario s) throws Exception {
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            return runner.start(EpisodeSpec.of(s, "explorer"), null)
                    .toCompletionStage().toCompletableFuture().get();
        }
    }

    static long successes(List<SuiteOutcome> os) {
        return os.stream().filter(o -> o.result().metrics().success()).count();
    }

    static int collisions(List<SuiteOutcome> os) {
        return os.stream().mapToInt(o -> o.result().metrics().collisions()).sum();
    }

    @Test
    void itIsNotPrivilegedAndRequiresOnlyTheSensesItDrivesBy() {
        ExplorerPolicy p = new ExplorerPolicy();
        assertFalse(p.privileged());
        assertEquals("explorer", p.name());
        // It drives on the lidar and odometry (the watchdog stops it without them) and reads the
        // camera and microphones too (suites render the camera for it), without requiring them.
        assertEquals(Set.of(Modality.LIDAR, Modality.ODOMETRY), p.requiredModalities());
        assertEquals(Set.of(Modality.LIDAR, Modality.ODOMETRY, Modality.CAMERA, Modality.AUDIO), p.sensedModalities());
    }

    @Test
    void pointNavSucceedsEverywhereWithoutCollisions() {
        List<SuiteOutcome> os = run(GeneratedSuite.generate(6, 0, Split.TRAIN, "pointnav"));
        assertEquals(6, successes(os));
        assertEquals(0, collisions(os));
    }

    @Test
    void objectNavFindsMostTargetsItHasNeverSeen() {
        List<SuiteOutcome> os = run(GeneratedSuite.generate(12, 0, Split.TRAIN, "objectnav"));
        System.out.printf("explorer objectnav train s0 x12: %d successes, SPL %.3f%n", successes(os),
                os.stream().mapToDouble(o -> o.result().metrics().spl()).average().orElse(0));
        assertTrue(successes(os) >= 5, "successes " + successes(os) + " of 12");
        assertEquals(0, collisions(os));
    }

    @Test
    void catalogObjectAndSoundGoalsSucceed() throws Exception {
        for (String name : List.of("office-find-green-cylinder", "kitchen-beeping-alarm")) {
            EpisodeResult r = run(ScenarioLoader.load(Catalog.scenario(name)));
            assertTrue(r.metrics().success(), name + ": " + r.events());
            assertEquals(0, r.metrics().collisions(), name);
            assertTrue(r.metrics().finalDistanceToGoal() <= 1.0, name + ": " + r.metrics().finalDistanceToGoal());
        }
    }

    @Test
    void anInstructionItDoesNotUnderstandIsReportedAndStopsTheRobot() throws Exception {
        Path file = Catalog.scenario("kitchen-beeping-alarm");
        String yaml = Files.readString(file).replace("go to the beeping alarm", "go to the zorblax");
        EpisodeResult r = run(ScenarioLoader.parse(yaml, file));
        assertFalse(r.metrics().success());
        assertTrue(r.metrics().pathLength() < 0.01, "it must not move: " + r.metrics().pathLength());
        EpisodeEvent note = r.events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.POLICY_NOTE).findFirst().orElseThrow();
        assertTrue(note.detail().contains("zorblax"), note.detail());
        assertTrue(r.events().stream().anyMatch(e -> e.kind() == EpisodeEvent.Kind.STOP_EMITTED));
    }
}
