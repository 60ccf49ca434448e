package dev.umwelt.agent;

import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteReport;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.agent.suite.SuiteSummary;
import dev.umwelt.scenarios.generate.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bar: over 300 generated episodes of each task the privileged oracle succeeds on at
 * least 98%; the random policy's figures are reported beside it.
 */
class GeneratedSuiteOracleTest {
    static final int EPISODES = 300;

    @ParameterizedTest
    @ValueSource(strings = {"pointnav", "objectnav", "audiogoal"})
    void oracleSucceedsOnAtLeast98PercentAndBeatsRandom(String task) {
        GeneratedSuite suite = GeneratedSuite.generate(EPISODES, 1, Split.TEST, task);
        System.out.println(suite.stats());
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        long begin = System.nanoTime();
        List<SuiteOutcome> oracle = new SuiteRunner(threads).run(suite.entries(), "oracle", null);
        List<SuiteOutcome> random = new SuiteRunner(threads).run(suite.entries(), "random", null);
        Map<String, List<SuiteOutcome>> byPolicy = new LinkedHashMap<>();
        byPolicy.put("oracle", oracle);
        byPolicy.put("random", random);
        SuiteReport report = new SuiteReport(byPolicy, threads, (System.nanoTime() - begin) / 1e9);
        StringWriter table = new StringWriter();
        report.printTable(new PrintWriter(table, true));
        System.out.println(table);

        SuiteSummary o = report.summary("oracle"), r = report.summary("random");
        assertEquals(0, o.errors(), "no episode may crash");
        assertEquals(0, r.errors(), "no episode may crash");
        for (SuiteOutcome x : oracle) {
            if (!x.result().metrics().success()) {
                System.out.println("oracle failed: " + x.entry().scenario().name() + " " + x.result().toJsonMap());
            }
        }
        assertTrue(o.successRate() >= 0.98, task + " oracle success " + o.successRate());
        assertTrue(o.meanSpl() > 0.8, task + " oracle SPL " + o.meanSpl());
        assertTrue(r.successRate() < 0.2 && r.successRate() < o.successRate(), task + " random success " + r.successRate());
        assertTrue(table.toString().contains("random"), "random is reported beside the oracle");
    }
}
