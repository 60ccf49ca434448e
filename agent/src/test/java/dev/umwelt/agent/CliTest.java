package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.cli.Umwelt;
import dev.umwelt.agent.pictures.ContactSheet;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

public class CliTest {
    public record Outcome(int code, String out, String err) {}

    /** The one stderr line of a bad-input exit (code 2). */
    public static String oneLine(Outcome o) {
        assertEquals(2, o.code(), o.err() + o.out());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), o.err());
        return line;
    }

    /** Runs the command line in-process, capturing what a user would see. */
    public static Outcome umwelt(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static String resource(String name) {
        return Path.of("src", "test", "resources", "scenarios", name).toAbsolutePath().toString();
    }

    @Test
    void theDemoFindsTheRedBoxWithTheDefaultPolicy(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // README's main job: the default, non-privileged explorer must find what it is told to.
        String before = System.getProperty("umwelt.home");
        System.setProperty("umwelt.home", Path.of("..").toAbsolutePath().normalize().toString()); // as the launcher does
        Outcome o;
        try {
            o = umwelt("demo", "--json", "--out", tmp.toString(), "--no-record");
        } finally {
            if (before == null) System.clearProperty("umwelt.home"); else System.setProperty("umwelt.home", before);
        }
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("explorer", j.get("policy").asText());
        assertTrue(j.get("success").asBoolean(), o.out());
        assertEquals(0, j.get("collisions").asInt());
        assertTrue(java.nio.file.Files.size(tmp.resolve("map.png")) > 0, "the robot's map is written");
    }

    @Test
    void runJsonPrintsOneObjectWithTheMetrics(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // Pictures are on by default; their line goes to stderr so that stdout stays one JSON object.
        Outcome o = umwelt("run", Catalog.scenario("single-room").toString(), "--json", "--seed", "5", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        for (String key : new String[] {"success", "spl", "softSpl", "collisions", "pathLength", "timeSeconds", "trajectoryHash"}) {
            assertTrue(j.has(key), "missing " + key + " in " + o.out());
        }
        assertEquals(5, j.get("seed").asLong());
        assertTrue(j.get("success").asBoolean());
        assertEquals(1, o.out().strip().lines().count(), "exactly one line of JSON");
    }

    @Test
    void malformedScenarioIsOneLineNamingFileLineAndFieldWithExitTwo() {
        Outcome o = umwelt("run", resource("malformed.yaml"));
        assertEquals(2, o.code());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), o.err());
        assertTrue(line.matches(".*malformed\\.yaml:8: task\\.goal\\.x: .*"), line);
        assertTrue(line.contains("abc"), line);
    }

    @Test
    void unknownRobotDescriptionIsNamed() {
        Outcome o = umwelt("run", resource("unknown-robot.yaml"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown-robot.yaml:2:"), o.err());
        assertTrue(o.err().contains("hovercraft"), o.err());
    }

    @Test
    void missingFileAndUnknownPolicyAreBadInput() {
        Outcome missing = umwelt("run", "no/such/file.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no/such/file.yaml"), missing.err());
        Outcome policy = umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "telepathy");
        assertEquals(2, policy.code());
        assertTrue(policy.err().contains("telepathy") && policy.err().contains("oracle"), policy.err());
    }

    @Test
    void catalogSuiteWritesEpisodesAndSummaryJson(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out/suite.json");
        // The oracle: this checks the suite's files and summary, and every catalog scenario is solvable by it.
        Outcome o = umwelt("suite", Catalog.DIR.toString(), "--policy", "oracle", "--threads", "2", "--json", json.toString(),
                "--out", tmp.resolve("pictures").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("pointnav"), o.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(Catalog.scenarios().size(), j.get("episodes").size());
        JsonNode first = j.get("episodes").get(0);
        for (String key : new String[] {"scenario", "seed", "success", "spl", "softSpl", "collisions", "pathLength",
                "timeSeconds", "trajectoryHash"}) {
            assertTrue(first.has(key), "episode lacks " + key);
        }
        JsonNode summary = j.get("summary");
        assertEquals(1.0, summary.get("successRate").asDouble(), 1e-9);
        assertTrue(summary.get("meanSpl").asDouble() > 0.85);
        assertEquals(0.0, summary.get("collisionsPerEpisode").asDouble(), 1e-9);
        // The contact sheet: one green-framed tile per catalog episode.
        Path sheet = tmp.resolve("pictures").resolve(ContactSheet.FILE);
        assertTrue(o.out().contains("contact sheet: " + sheet), o.out());
        BufferedImage png = ImageIO.read(sheet.toFile());
        ContactSheet.Layout layout = ContactSheet.Layout.forTiles(Catalog.scenarios().size());
        assertEquals(layout.width(), png.getWidth());
        assertEquals(layout.height(), png.getHeight());
        for (int i = 0; i < Catalog.scenarios().size(); i++) {
            Rectangle r = layout.tile(i);
            assertEquals(0x2E7D32, png.getRGB(r.x + 1, r.y + 1) & 0xFFFFFF, "green frame of tile " + i);
        }
    }

    @Test
    void suiteNeedsADirectoryOrGenerate() {
        assertEquals(2, umwelt("suite").code());
        assertEquals(2, umwelt("suite", "--generate", "3", "--task", "flying").code());
        assertEquals(2, umwelt("suite", "--generate", "3", "--split", "holdout").code());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Outcome o = umwelt("run", "--warp-speed");
        assertEquals(2, o.code());
    }
}
