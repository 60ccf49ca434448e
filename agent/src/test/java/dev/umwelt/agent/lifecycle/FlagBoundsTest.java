package dev.umwelt.agent.lifecycle;

import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A bad flag value is one line naming the flag, the value and what is expected (plus a hint), exit 2. */
class FlagBoundsTest {
    static final String SCENARIO = Catalog.scenario("single-room").toString();

    /** The refusal of {@code args}: exit 2, its first line, and at most a hint line after it. */
    static String refused(String... args) {
        CliTest.Outcome o = CliTest.umwelt(args);
        assertEquals(2, o.code(), String.join(" ", args) + ": " + o.out() + o.err());
        List<String> lines = o.err().strip().lines().toList();
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("(see `umwelt "),
                String.join(" ", args) + ": " + o.err());
        assertEquals("", o.out(), "no usage on stdout");
        return lines.get(0);
    }

    @Test
    void valuesOfTheWrongTypeNameTheFlagAndWhatIsExpected() {
        assertEquals("--seed: 'abc' is not an integer", refused("run", SCENARIO, "--seed", "abc"));
        assertEquals("--speed: 'fast' is not a number", refused("run", SCENARIO, "--realtime", "--speed", "fast"));
        assertEquals("--threads: '2.5' is not an integer", refused("suite", "--generate", "2", "--threads", "2.5"));
        assertEquals("--seconds: '' is not a number", refused("bench", "sim", "--seconds", ""));
        CliTest.Outcome o = CliTest.umwelt("run", SCENARIO, "--seed", "abc");
        assertTrue(o.err().contains("(see `umwelt help run`)"), o.err());
        assertEquals(2, CliTest.umwelt("ros", "sim", SCENARIO, "--seed", "x").code());
        assertTrue(CliTest.umwelt("ros", "sim", SCENARIO, "--seed", "x").err().contains("umwelt ros sim --help"));
    }

    @Test
    void numbersOutsideTheirDocumentedRangeAreRefusedAtBothEnds() {
        String[][] cases = {
                {"--speed: 1.0E-9 outside [0.01, 1000]", "run", SCENARIO, "--realtime", "--speed", "1e-9"},
                {"--speed: 1001 outside [0.01, 1000]", "run", SCENARIO, "--realtime", "--speed", "1001"},
                {"--speed: NaN outside [0.01, 1000]", "run", SCENARIO, "--view", "--speed", "NaN"},
                {"--speed: 0 outside [0.01, 1000]", "replay", SCENARIO, "--speed", "0"},
                {"--speed: 1000000 outside [0.01, 1000]", "ros", "sim", SCENARIO, "--speed", "1e6"},
                {"--threads: 100000 outside [1, 256]", "suite", "--generate", "2", "--threads", "100000"},
                {"--threads: 0 outside [1, 256]", "suite", "--generate", "2", "--threads", "0"},
                {"--generate: 0 outside [1, 100000]", "suite", "--generate", "0"},
                {"--generate: 99999999999 outside [1, 100000]", "suite", "--generate", "99999999999"},
                {"--seed: -1 outside [0, 999999998] with --generate 2", "suite", "--generate", "2", "--seed", "-1"},
                {"--seed: 999999999 outside [0, 999999998] with --generate 2", "suite", "--generate", "2", "--seed", "999999999"},
                {"--seed: -5 outside [0, 999999999]", "generate", "--seed", "-5", "--out", "x.yaml"},
                {"--index: 999999999 outside [0, 999999994]", "generate", "--seed", "5", "--index", "999999999", "--out", "x.yaml"},
                {"--index: -1 outside [0, 999999994]", "generate", "--seed", "5", "--index", "-1", "--out", "x.yaml"},
                {"--seconds: 0.5 outside [1, 3600]", "bench", "sim", "--seconds", "0.5"},
                {"--seconds: 1000000000 outside [1, 3600]", "bench", "sim", "--seconds", "1e9"},
                {"--runs: 0 outside [1, 100]", "bench", "sim", "--runs", "0"},
                {"--runs: 101 outside [1, 100]", "bench", "sim", "--runs", "101"},
                {"--warmup: -1 outside [0, 3600]", "bench", "sim", "--warmup", "-1"},
                {"--warmup: Infinity outside [0, 3600]", "bench", "sim", "--warmup", "Infinity"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            assertEquals(c[0], refused(args), String.join(" ", args));
        }
    }

    @Test
    void suiteJsonThatCannotBeWrittenIsRefusedBeforeTheSuiteRuns(@TempDir Path tmp) throws Exception {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file where a directory should be");
        String line = refused("suite", "--generate", "2", "--policy", "oracle", "--json", blocker.resolve("r.json").toString(),
                "--out", tmp.resolve("out").toString());
        assertTrue(line.startsWith("--json: cannot create the directory " + blocker), line);
        assertTrue(line.contains("not a directory"), line);
        assertEquals("--json: " + tmp + " is a directory, not a file",
                refused("suite", "--generate", "2", "--policy", "oracle", "--json", tmp.toString(), "--out", tmp.resolve("out").toString()));
        assertFalse(Files.exists(tmp.resolve("out")), "nothing ran, nothing was written");
    }

    @Test
    void generateOutThatCannotBeWrittenIsOneLine(@TempDir Path tmp) throws Exception {
        assertEquals("--out: " + tmp + " is a directory, not a file", refused("generate", "--seed", "3", "--out", tmp.toString()));
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        String line = refused("generate", "--seed", "3", "--out", blocker.resolve("g.yaml").toString());
        assertTrue(line.startsWith("--out: cannot create the directory " + blocker) && line.contains("not a directory"), line);
        // And a good path is written whole (through a temporary file renamed over it), with nothing left beside it.
        Path good = tmp.resolve("new/dir/g.yaml");
        assertEquals(0, CliTest.umwelt("generate", "--seed", "3", "--out", good.toString()).code());
        assertTrue(Files.readString(good).contains("name:"));
        try (var files = Files.list(good.getParent())) {
            assertEquals(List.of(good), files.toList());
        }
    }
}
