package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.GeneratedScenario;
import dev.umwelt.scenarios.generate.PhrasingFile;
import dev.umwelt.scenarios.generate.Rephrasing;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The demonstrator ({@code --policy teacher}) in whole episodes: real simulator, camera, audio, shield on. */
class TeacherEpisodesTest {
    static final Path HELDOUT = Path.of("..", "policy", "training", "phrasings", "heldout.txt").toAbsolutePath().normalize();

    static EpisodeResult run(Scenario s, String policy) throws Exception {
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            EpisodeResult r = runner.start(EpisodeSpec.of(s, policy), null)
                    .toCompletionStage().toCompletableFuture().get();
            assertEquals(0, r.metrics().collisions(), s.name() + " " + policy);
            return r;
        }
    }

    /** The teacher's handover note: the first POLICY_NOTE that starts "teacher: ". */
    static EpisodeEvent handover(EpisodeResult r) {
        return r.events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.POLICY_NOTE && e.detail().startsWith("teacher: "))
                .findFirst().orElseThrow(() -> new AssertionError("no handover note in " + r.events()));
    }

    static double secondsIn(EpisodeResult r, EpisodeEvent e) {
        long start = r.events().stream().filter(x -> x.kind() == EpisodeEvent.Kind.EPISODE_STARTED).findFirst().orElseThrow()
                .header().stampNanos();
        return (e.header().stampNanos() - start) * 1e-9;
    }

    static int commonPrefix(List<Pose2D> a, List<Pose2D> b) {
        int n = 0;
        while (n < Math.min(a.size(), b.size()) && a.get(n).equals(b.get(n))) n++;
        return n;
    }

    @Test
    void itIsPrivilegedAndSensesWhatTheExplorerSenses() {
        Policy p = Policies.create("teacher");
        assertTrue(p.privileged(), "it plans the oracle's path on the scenario");
        assertEquals(Set.of(Modality.LIDAR, Modality.ODOMETRY), p.requiredModalities());
        assertEquals(Set.of(Modality.LIDAR, Modality.ODOMETRY, Modality.CAMERA, Modality.AUDIO), p.sensedModalities());
    }

    @Test
    void itExploresAsTheExplorerUntilTheTargetIsInTheBeliefThenTakesTheOraclesPath() throws Exception {
        // Val ObjectNav 0: the green cone is out of sight at the start; the explorer finds it at ~28 s.
        Scenario s = ScenarioGenerator.generate(0, 0, Split.VAL, "objectnav").scenario();
        EpisodeResult teacher = run(s, "teacher"), explorer = run(s, "explorer"), oracle = run(s, "oracle");
        assertTrue(oracle.metrics().success());
        assertTrue(teacher.metrics().success(), teacher.events().toString());
        EpisodeEvent h = handover(teacher);
        assertTrue(h.detail().startsWith("teacher: the green cone is in the belief (remembered at ("), h.detail());
        assertTrue(h.detail().endsWith("): following the oracle's path"), h.detail());
        double at = secondsIn(teacher, h);
        assertTrue(at > 10 && at < explorer.metrics().timeSeconds(), "handover at " + at + " s");
        // Up to the handover it drove exactly as the explorer (same ticks, same poses), then otherwise.
        long period = s.robot().controlPeriodNanos();
        int same = commonPrefix(teacher.trajectory(), explorer.trajectory());
        assertTrue(same >= (long) (at * 1e9 / period) - 1, same + " common poses, handover at tick " + (long) (at * 1e9 / period));
        assertTrue(same < teacher.trajectory().size(), "after the handover it drives the oracle's way");
        assertTrue(teacher.metrics().spl() >= explorer.metrics().spl(), teacher.metrics().spl() + " < " + explorer.metrics().spl());
    }

    @Test
    void catalogObjectAndSoundGoalsSucceedWithTheHandoverNoted() throws Exception {
        for (String name : List.of("office-find-green-cylinder", "kitchen-beeping-alarm")) {
            Scenario s = ScenarioLoader.load(Catalog.scenario(name));
            assertTrue(run(s, "oracle").metrics().success(), name);
            EpisodeResult r = run(s, "teacher");
            assertTrue(r.metrics().success(), name + ": " + r.events());
            EpisodeEvent h = handover(r);
            assertTrue(h.detail().contains("is in the belief") && h.detail().endsWith("following the oracle's path"), h.detail());
            assertTrue(secondsIn(r, h) > 0, name + ": the handover comes after the first tick");
        }
    }

    @Test
    void pointNavIsTheExplorersDemonstrationPoseForPose() throws Exception {
        // The oracle's path would go through doors the robot never saw: PointNav labels stay the explorer's.
        Scenario s = ScenarioGenerator.generate(0, 1, Split.VAL, "pointnav").scenario();
        EpisodeResult teacher = run(s, "teacher"), explorer = run(s, "explorer");
        assertTrue(teacher.metrics().success());
        // Up to the explorer's STOP; the oracle's STOP comes only as the rescue of a STOP it would not make.
        int same = commonPrefix(teacher.trajectory(), explorer.trajectory());
        assertTrue(same >= explorer.trajectory().size() - 1, same + " of " + explorer.trajectory().size());
        assertTrue(teacher.trajectory().size() - same < 20, "the rescue drives a few ticks at most: " + teacher.trajectory().size());
        teacher.events().stream().filter(e -> e.kind() == EpisodeEvent.Kind.POLICY_NOTE && e.detail().startsWith("teacher: "))
                .forEach(e -> assertTrue(e.detail().startsWith("teacher: the explorer stopped"), e.detail()));
    }

    @Test
    void anyPhrasingGivesTheSameDemonstration() throws Exception {
        // The explorer inside is told the task in the generator's words: a rephrased instruction, even
        // one the explorer's parser refuses, changes the recorded text, not the trajectory.
        GeneratedScenario g = ScenarioGenerator.generate(0, 2, Split.VAL, "objectnav");
        Scenario rephrased = new Rephrasing(PhrasingFile.load(HELDOUT), 0).rephrase(g).scenario().scenario();
        assertNotEquals(g.scenario().task().instruction(), rephrased.task().instruction());
        EpisodeResult a = run(g.scenario(), "teacher"), b = run(rephrased, "teacher");
        assertTrue(a.metrics().success());
        assertEquals(a.metrics().trajectoryHash(), b.metrics().trajectoryHash());
        assertFalse(run(rephrased, "explorer").metrics().success(), "the explorer refuses '" + rephrased.task().instruction() + "'");
    }
}
