package dev.umwelt.sim.render;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-process entry of the windowed test: renders {@link Scenes#fixedScene()} through a
 * GLFW window context (run under xvfb-run) and writes the raw RGB8 bytes to args[0].
 */
public final class WindowedRenderMain {
    private WindowedRenderMain() {}

    public static void main(String[] args) throws Exception {
        try (RenderService service = RenderService.windowed()) {
            SceneHandle scene = service.upload(Scenes.fixedScene(), RenderStyle.plain());
            byte[] rgb = service.renderNow(scene, Scenes.CAMERA, RendererTest.START, Scenes.fixedMovables(), 7);
            Files.write(Path.of(args[0]), rgb);
            System.out.println("rendered " + service.description());
        }
    }
}
