package dev.umwelt.agent.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.cli.Umwelt;
import dev.umwelt.agent.pictures.ViewerFrame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real viewer window, in a child JVM under {@code xvfb-run -a} (the test JVM has no
 * DISPLAY, and GLFW's process-wide state is better kept out of it); skipped only where
 * xvfb-run is not installed.
 */
class ViewerWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = Catalog.scenario("single-room").toString();

    @Test
    void viewerShowsTheRunWithoutChangingItAndClosingEndsItCleanly(@TempDir Path tmp) throws Exception {
        File xvfbRun = new File("/usr/bin/xvfb-run");
        Assumptions.assumeTrue(xvfbRun.canExecute(), "xvfb-run is not installed (apt-get install xvfb xauth): viewer not tested");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(xvfbRun.getPath(), "-a", "-s", "-screen 0 1280x1024x24", java,
                "-cp", System.getProperty("java.class.path"), ViewerMain.class.getName(), SCENARIO, tmp.toString());
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "child JVM timed out");
        String log = Files.readString(tmp.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);

        // (a) the viewer never changes what is computed: same hash as a plain lockstep run
        assertEquals("0", Files.readString(tmp.resolve("full.code")), log);
        JsonNode full = JSON.readTree(Files.readString(tmp.resolve("full.json")));
        assertEquals(plainRunHash(), full.get("trajectoryHash").asText());
        assertEquals("stop", full.get("endReason").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("full/trajectory.png")));

        // (b) closing the window ends the episode early, not in error, pictures still written
        assertEquals("0", Files.readString(tmp.resolve("closed.code")), log);
        JsonNode closed = JSON.readTree(Files.readString(tmp.resolve("closed.json")));
        assertEquals("viewer-closed", closed.get("endReason").asText(), closed.toString());
        assertFalse(closed.get("success").asBoolean());
        assertTrue(closed.get("ticks").asLong() < full.get("ticks").asLong(), closed + " vs " + full);
        assertTrue(Files.isRegularFile(tmp.resolve("closed/trajectory.png")), log);
        assertTrue(Files.readString(tmp.resolve("closed/metrics.json")).contains("viewer-closed"));

        // (c) the window showed the episode: the map and the camera inset, read back from GL
        BufferedImage shot = ImageIO.read(tmp.resolve("full.png").toFile());
        assertNotNull(shot, "no screenshot: " + log);
        assertEquals(ViewerWindow.WIDTH, shot.getWidth());
        assertEquals(ViewerWindow.HEIGHT, shot.getHeight());
        Rectangle inset = ViewerFrame.cameraInset(shot.getWidth(), shot.getHeight(), 128, 96);
        // The camera renders flat-shaded walls and floor: a few colours, none of them the page's.
        int page = shot.getRGB(shot.getWidth() - 2, shot.getHeight() / 2) & 0xFFFFFF;
        assertTrue(colours(shot, inset) >= 3 && share(shot, inset, page) < 0.05, "camera inset looks empty");
        Rectangle map = new Rectangle(0, 0, inset.x, shot.getHeight() - ViewerFrame.TEXT_HEIGHT);
        assertTrue(colours(shot, map) > 20 && share(shot, map, page) < 0.5, "map looks empty");
        // The inset is found at the top right, so the blit put Java2D's top row at the window's top.
        BufferedImage closedShot = ImageIO.read(tmp.resolve("closed.png").toFile());
        assertNotNull(closedShot, "closing the window saved no screenshot: " + log);
        assertTrue(colours(closedShot, inset) >= 3 && share(closedShot, inset, page) < 0.05,
                "camera inset looks empty when closed");
    }

    @Test
    void viewWithoutDisplayIsOneLineAndExitTwoBeforeTheEpisode(@TempDir Path tmp) {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display == null || display.isEmpty(), "a DISPLAY is set");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", SCENARIO, "--view", "--out", tmp.resolve("pictures").toString());
        assertEquals(2, code, err.toString());
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("DISPLAY") && line.contains("xvfb-run -a"), line);
        assertEquals("", out.toString(), "no episode ran");
        assertFalse(Files.exists(tmp.resolve("pictures")), "no episode ran");
    }

    @Test
    void fasterPacingKeepsTheTrajectoryAndTakesLessWallTime() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", SCENARIO, "--realtime", "--speed", "20", "--json", "--no-pictures");
        assertEquals(0, code, err.toString());
        JsonNode j = JSON.readTree(out.toString());
        assertEquals(plainRunHash(), j.get("trajectoryHash").asText());
        // Paced at 20x: at least time/20 of wall time, and far less than real time.
        double sim = j.get("timeSeconds").asDouble(), wall = j.get("wallSeconds").asDouble();
        assertTrue(wall >= sim / 20 * 0.95 && wall < sim / 2, "sim " + sim + " s in wall " + wall + " s");
    }

    @Test
    void speedNeedsPacingAndMustBePositive() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", SCENARIO, "--speed", "4", "--no-pictures"));
        assertTrue(err.toString().contains("--speed"), err.toString());
        assertEquals(2, Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", SCENARIO, "--realtime", "--speed", "0", "--no-pictures"));
    }

    private static String plainRunHash() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Umwelt.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "run", SCENARIO, "--json", "--no-pictures");
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString()).get("trajectoryHash").asText();
    }

    /** The share of a region's pixels with this colour. */
    private static double share(BufferedImage img, Rectangle r, int rgb) {
        long n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        }
        return n / (double) (r.width * r.height);
    }

    private static int colours(BufferedImage img, Rectangle r) {
        Set<Integer> seen = new HashSet<>();
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) seen.add(img.getRGB(x, y) & 0xFFFFFF);
        }
        return seen.size();
    }
}
