package dev.umwelt.sim.render;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The GLFW window path renders the same bytes as headless EGL. The window runs in a child JVM
 * under {@code xvfb-run -a} (GLFW wants X, and GLFW's process-wide state is better kept out of
 * the test JVM); skipped only where xvfb-run is not installed.
 */
class WindowedRenderTest {
    @Test
    void windowedMatchesHeadlessUnderXvfb(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        File xvfbRun = new File("/usr/bin/xvfb-run");
        Assumptions.assumeTrue(xvfbRun.canExecute(),
                "xvfb-run is not installed (apt-get install xvfb xauth): windowed path not tested");
        Path out = tmp.resolve("windowed.rgb");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(xvfbRun.getPath(), "-a", "-s", "-screen 0 640x480x24",
                java, "-cp", System.getProperty("java.class.path"), WindowedRenderMain.class.getName(), out.toString());
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("child.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("windowed child timed out: " + Files.readString(tmp.resolve("child.log")));
        }
        String log = Files.readString(tmp.resolve("child.log"));
        assertEquals(0, p.exitValue(), "windowed child failed:\n" + log);
        assertTrue(log.contains("glfw-window"), log);
        byte[] windowed = Files.readAllBytes(out);

        byte[] headless;
        try (RenderService service = RenderService.headless()) {
            SceneHandle scene = service.upload(Scenes.fixedScene(), RenderStyle.plain());
            headless = service.renderNow(scene, Scenes.CAMERA, RendererTest.START, Scenes.fixedMovables(), 7);
        }
        assertTrue(Scenes.stats(headless, Scenes::isRed)[0] > 50, "the fixed scene shows the red box");
        assertArrayEquals(headless, windowed, "windowed and headless bytes differ; child said:\n" + log);
    }

    @Test
    void noDisplayIsOneClearError() {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display == null || display.isEmpty(), "a DISPLAY is set");
        RenderUnavailableException e = assertThrows(RenderUnavailableException.class, RenderService::windowed);
        for (String word : List.of("libegl1", "libegl-mesa0", "libgl1-mesa-dri", "Xvfb", "DISPLAY")) {
            assertTrue(e.getMessage().contains(word), e.getMessage());
        }
    }
}
