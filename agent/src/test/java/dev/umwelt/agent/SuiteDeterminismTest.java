package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.scenarios.generate.GeneratedScenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** An episode's trajectory hash is the same alone (`run`), in a suite on 1 or 2 threads, and from a generated file. */
class SuiteDeterminismTest {
    static List<String> hashes(List<SuiteOutcome> outcomes) {
        List<String> h = new ArrayList<>();
        for (SuiteOutcome o : outcomes) {
            assertFalse(o.failedToRun(), o.error());
            h.add(o.result().metrics().trajectoryHash());
        }
        return h;
    }

    @Test
    void runAndSuiteOnOneAndTwoThreadsGiveTheSameHashes(@TempDir Path tmp) throws Exception {
        List<SuiteEntry> entries = new ArrayList<>(GeneratedSuite.generate(4, 7, Split.TEST, "objectnav").entries());
        entries.addAll(GeneratedSuite.generate(4, 7, Split.TEST, "pointnav").entries());
        List<String> one = hashes(new SuiteRunner(1).run(entries, "oracle", null));
        List<String> two = hashes(new SuiteRunner(2).run(entries, "oracle", null));
        assertEquals(one, two, "thread count must not change any trajectory");

        List<String> alone = new ArrayList<>();
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            for (SuiteEntry e : entries) {
                alone.add(runner.run(EpisodeSpec.of(e.scenario(), "oracle").withSeed(e.seed()), null).metrics().trajectoryHash());
            }
        }
        assertEquals(one, alone, "a suite episode is the same episode as `run`");
        assertEquals(entries.size(), one.stream().distinct().count(), "different scenarios, different trajectories");

        // `generate --out` then `run FILE` is episode 2 of the objectnav suite.
        GeneratedScenario g = ScenarioGenerator.generate(7, 2, Split.TEST, "objectnav");
        Path file = tmp.resolve(g.name() + ".yaml");
        Files.writeString(file, g.yaml());
        var fromFile = ScenarioLoader.load(file);
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            String h = runner.run(EpisodeSpec.of(fromFile, "oracle"), null).metrics().trajectoryHash();
            assertEquals(one.get(2), h, "a generated file run by `run` replays the suite's episode");
        }
        CliTest.Outcome cli = CliTest.umwelt("run", file.toString(), "--policy", "oracle", "--json", "--no-pictures");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().contains("\"trajectoryHash\":\"" + one.get(2) + "\""), cli.out());
    }
}
