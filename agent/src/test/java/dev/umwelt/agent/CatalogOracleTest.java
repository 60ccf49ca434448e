package dev.umwelt.agent;

import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The privileged oracle, through the bus, succeeds on every catalog scenario, point goals and object goals. */
class CatalogOracleTest {
    private static EpisodeRunner runner;

    @BeforeAll
    static void start() {
        runner = new EpisodeRunner(2);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void oracleSucceedsOnEveryCatalogScenario() {
        List<Path> files = Catalog.scenarios();
        assertTrue(files.size() >= 10, "the catalog has at least 10 scenarios, found " + files.size());
        List<String> failures = new ArrayList<>();
        int pointGoals = 0;
        for (Path file : files) {
            Scenario s = ScenarioLoader.load(file);
            if (s.task().kind().equals("pointnav")) pointGoals++;
            EpisodeResult r = runner.run(EpisodeSpec.of(s, "oracle"), null);
            EpisodeMetrics m = r.metrics();
            System.out.printf("%-28s success=%s spl=%.3f path=%.2f geo=%.2f collisions=%d t=%.1fs %.0fx%n",
                    s.name(), m.success(), m.spl(), m.pathLength(), m.geodesicDistance(), m.collisions(),
                    m.timeSeconds(), r.realTimeFactor());
            if (!m.success()) failures.add(s.name() + " (" + m.endReason() + ", " + m.finalDistanceToGoal() + " m left)");
            else {
                assertTrue(m.spl() > 0.5 && m.spl() <= 1.0, s.name() + " SPL " + m.spl());
                assertTrue(m.pathLength() >= m.geodesicDistance() - s.task().successRadius(),
                        s.name() + " path shorter than the geodesic allows");
                assertEquals(0, m.collisions(), s.name() + " collisions: the oracle knows where everything starts");
            }
        }
        assertTrue(pointGoals >= 10, "at least 10 point-goal scenarios, found " + pointGoals);
        assertEquals(List.of(), failures, "the oracle failed on these catalog scenarios");
    }
}
