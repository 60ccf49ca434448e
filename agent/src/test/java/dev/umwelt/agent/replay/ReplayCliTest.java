package dev.umwelt.agent.replay;

import dev.umwelt.agent.cli.Umwelt;
import dev.umwelt.bus.Twist2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** replay / recover from the command line, on episode files built from real simulator runs. */
class ReplayCliTest {
    private static final int TICKS = 120;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static Run umwelt(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path episode(String name, java.util.function.IntFunction<Twist2D> recorded, String scenarioYaml) throws Exception {
        Path file = dir.resolve(name);
        SimulatedEpisodeFixture.write(file, "single-room.yaml", 3, TICKS, recorded, scenarioYaml);
        return file;
    }

    @Test
    void anUnalteredEpisodeVerifiesIdentical() throws Exception {
        Path file = episode("ok.mcap", SimulatedEpisodeFixture::scripted, null);
        Run r = umwelt("replay", file.toString(), "--verify");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("verified " + (TICKS + 1) + " ticks: identical", r.out().strip());
    }

    @Test
    void oneAlteredCommandIsFoundAtOrAfterItsTick() throws Exception {
        Path file = episode("altered.mcap", k -> {
            Twist2D t = SimulatedEpisodeFixture.scripted(k);
            return k == 40 ? new Twist2D(t.linear() + 0.01, t.angular()) : t;
        }, null);
        Run r = umwelt("replay", file.toString(), "--verify");
        assertEquals(1, r.exit(), r.out() + r.err());
        Matcher m = Pattern.compile("diverged at tick (\\d+) ").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) >= 40, r.out());
        assertTrue(r.out().contains("recorded x="), r.out());
    }

    @Test
    void withoutTheScenarioTextItSaysItCannotReSimulate() throws Exception {
        Path file = episode("noscenario.mcap", SimulatedEpisodeFixture::scripted, "");
        Run r = umwelt("replay", file.toString(), "--verify");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("noscenario.mcap cannot be re-simulated: its umwelt.episode metadata has no scenario_yaml"),
                r.err());
    }

    @Test
    void theSummaryNamesScenarioSeedPolicyAndTopics() throws Exception {
        Path file = episode("ok.mcap", SimulatedEpisodeFixture::scripted, null);
        Run r = umwelt("replay", file.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("scenario  single-room"), r.out());
        assertTrue(r.out().contains("seed      3"), r.out());
        assertTrue(r.out().contains("policy    scripted"), r.out());
        assertTrue(r.out().contains("duration  6.00 s"), r.out());
        assertTrue(r.out().matches("(?s).*/umwelt/ground_truth\\s+nav_msgs/Odometry\\s+" + (TICKS + 1) + "\\n.*"), r.out());
        assertTrue(r.out().contains("result    none"), r.out());
    }

    @Test
    void aCutShortFileIsReportedInOneLineAndRecoverRescuesIt() throws Exception {
        Path file = episode("killed.mcap", SimulatedEpisodeFixture::scripted, null);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length * 2 / 3));
        Run r = umwelt("replay", file.toString(), "--verify");
        assertEquals(2, r.exit());
        assertEquals("killed.mcap is cut short at byte " + (all.length * 2 / 3) + " (no summary or footer): the episode"
                + " was not closed; recover it with: ./umwelt recover " + file + " --out " + dir.resolve("killed-recovered.mcap"),
                r.err().strip());

        Path out = dir.resolve("killed-recovered.mcap");
        Run rec = umwelt("recover", file.toString(), "--out", out.toString());
        assertEquals(0, rec.exit(), rec.out() + rec.err());
        assertTrue(rec.out().contains("messages kept: "), rec.out());
        // The recovered prefix re-simulates identically as far as it goes.
        Run v = umwelt("replay", out.toString(), "--verify");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().startsWith("verified "), v.out());
    }

    @Test
    void recoverRefusesSomethingThatIsNotMcap() throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "not an episode");
        Run r = umwelt("recover", junk.toString(), "--out", dir.resolve("x.mcap").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("notes.txt is not an MCAP file"), r.err());
        assertEquals(2, umwelt("replay", dir.resolve("missing.mcap").toString()).exit());
    }
}
