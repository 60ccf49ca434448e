package dev.umwelt.agent;

import dev.umwelt.agent.CliTest.Outcome;
import dev.umwelt.scenarios.testing.OutOfRangeCases;
import dev.umwelt.scenarios.testing.OutOfRangeCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Out-of-range values through the real command line ({@code umwelt run}, in-process): exit 2 and
 * exactly the loader's one line naming file, line and field, within 10 s. The loader itself gets
 * every case (scenarios' BoundsTest); here a spread sample of the same generated cases.
 */
class BoundsCliTest {
    static final int SAMPLE = 12;

    @Test
    void aSampleOfOutOfRangeValuesExitsTwoWithTheLocatedLine(@TempDir Path dir) {
        List<Case> cases = OutOfRangeCases.all();
        for (int i = 0; i < SAMPLE; i++) {
            Case c = cases.get(i * cases.size() / SAMPLE);
            Path d = dir.resolve("c" + i);
            Path scenario = c.write(d);
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> CliTest.umwelt("run", scenario.toString(), "--no-record", "--no-pictures"), c::toString);
            assertEquals(2, o.code(), c + ": " + o.err());
            assertEquals(c.expectedMessage(d), o.err().strip(), c.toString());
            assertEquals("", o.out(), c.toString());
        }
    }

    @Test
    void aFaultOutsideItsLimitsOnTheCommandLineExitsTwo(@TempDir Path dir) {
        Path scenario = OutOfRangeCases.writeValid(dir, 0);
        // 1e12 s once overflowed the nanosecond delay into no fault at all.
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliTest.umwelt("run", scenario.toString(),
                "--no-record", "--no-pictures", "--fault", "odometry:delay=1e12@1s-5s"));
        assertEquals(2, o.code(), o.err());
        assertEquals("--fault: 'delay=1e12': delay 1e12 outside [0.001, 10] s", o.err().strip());
    }

    @Test
    void aSecondYamlDocumentExitsTwoAtItsSeparator(@TempDir Path dir) throws Exception {
        Path scenario = OutOfRangeCases.writeValid(dir, 0);
        List<String> lines = Files.readAllLines(scenario);
        Files.writeString(scenario, String.join("\n", lines) + "\n---\nname: second\n");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> CliTest.umwelt("run", scenario.toString(), "--no-record", "--no-pictures"));
        assertEquals(2, o.code(), o.err());
        assertEquals(scenario.toAbsolutePath().normalize() + ":" + (lines.size() + 1)
                + ": a second YAML document starts here; a file holds exactly one", o.err().strip());
        assertTrue(o.out().isEmpty(), o.out());
    }
}
