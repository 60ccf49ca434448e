package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.pictures.BeliefMap;
import dev.umwelt.agent.pictures.RunPictures;
import dev.umwelt.agent.pictures.TopDownMap;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `run` and `demo` write pictures; a picture that cannot be written is a warning, never a failed episode. */
class PicturesCliTest {
    @Test
    void runWritesTrajectoryAndMetricsWithThePrintedHash(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("single");
        Path file = Catalog.scenario("single-room");
        CliTest.Outcome o = CliTest.umwelt("run", file.toString(), "--json", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode printed = new ObjectMapper().readTree(o.out());
        JsonNode written = new ObjectMapper().readTree(out.resolve(RunPictures.METRICS).toFile());
        assertEquals(printed.get("trajectoryHash").asText(), written.get("trajectoryHash").asText());
        assertEquals(printed.get("success"), written.get("success"));
        assertTrue(o.err().contains("pictures: " + out), o.err());

        BufferedImage png = ImageIO.read(out.resolve(RunPictures.TRAJECTORY).toFile());
        Scenario s = ScenarioLoader.load(file);
        TopDownMap map = TopDownMap.fitted(s, RunPictures.WIDTH, RunPictures.MAX_MAP_HEIGHT, TopDownMap.CAPTION_HEIGHT);
        assertEquals(map.width(), png.getWidth());
        assertEquals(map.height(), png.getHeight());
        // single-room's brown table stands at (3.0, 2.5).
        int[] table = map.transform().pixelOf(3.0, 2.5);
        assertEquals(0x8B5A2B, png.getRGB(table[0], table[1]) & 0xFFFFFF);
        // single-room's robot has a camera, which the simulator now renders.
        assertTrue(Files.exists(out.resolve(RunPictures.CAMERA_FIRST)), "camera-first.png");
        assertTrue(Files.exists(out.resolve(RunPictures.CAMERA_LAST)), "camera-last.png");

        // map.png: the robot's own belief: mostly seen floor, walls, unknown beyond them, the estimated path.
        BufferedImage belief = ImageIO.read(out.resolve(RunPictures.MAP).toFile());
        assertTrue(belief.getWidth() > 100 && belief.getWidth() <= RunPictures.WIDTH, "map.png width " + belief.getWidth());
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int v = 0; v < belief.getHeight(); v++)
            for (int u = 0; u < belief.getWidth(); u++) counts.merge(belief.getRGB(u, v) & 0xFFFFFF, 1, Integer::sum);
        int total = belief.getWidth() * belief.getHeight();
        int free = counts.getOrDefault(BeliefMap.FREE.getRGB() & 0xFFFFFF, 0);
        int occupied = counts.getOrDefault(BeliefMap.OCCUPIED.getRGB() & 0xFFFFFF, 0);
        int unknown = counts.getOrDefault(BeliefMap.UNKNOWN.getRGB() & 0xFFFFFF, 0);
        int path = counts.getOrDefault(BeliefMap.PATH.getRGB() & 0xFFFFFF, 0);
        assertTrue(free > total / 4, "free floor pixels " + free + " of " + total);
        assertTrue(occupied > 500, "wall pixels " + occupied);
        assertTrue(unknown > 0, "unknown pixels " + unknown);
        assertTrue(path > 50, "estimated path pixels " + path);
    }

    @Test
    void resultsCarryTheTrajectoryOnePosePerTick() {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            EpisodeResult r = runner.run(EpisodeSpec.of(s, "oracle"), null);
            assertEquals(r.ticks() + 1, r.trajectory().size(), "the reset pose, then one per control tick");
            assertEquals(s.start().x(), r.trajectory().get(0).x(), 1e-6);
            assertEquals(s.start().y(), r.trajectory().get(0).y(), 1e-6);
            assertNotNull(r.firstFrame(), "single-room's robot has a camera");
            assertNotNull(r.lastFrame());
            EpisodeResult small = r.withoutFrames();
            assertNull(small.firstFrame());
            assertNull(small.lastFrame());
            assertEquals(r.metrics(), small.metrics());
        }
    }

    @Test
    void tableOutputNamesThePicturesAndNoPicturesTurnsThemOff(@TempDir Path tmp) {
        Path out = tmp.resolve("p");
        CliTest.Outcome on = CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--out", out.toString());
        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().contains("pictures: " + out), on.out());
        assertTrue(Files.isRegularFile(out.resolve(RunPictures.TRAJECTORY)));

        CliTest.Outcome off = CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--no-pictures");
        assertEquals(0, off.code(), off.err());
        assertFalse(off.out().contains("pictures:"), off.out());
        assertEquals(2, CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--no-pictures", "--out",
                tmp.toString()).code(), "contradictory options are bad input");
    }

    @Test
    void anUnwritablePictureDirectoryIsAWarningNotAFailure(@TempDir Path tmp) throws Exception {
        Path notADir = Files.writeString(tmp.resolve("occupied"), "a file where the directory should be");
        CliTest.Outcome o = CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--out", notADir.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("warning: could not write pictures"), o.err());
        assertTrue(o.out().contains("success"), o.out());
    }
}
