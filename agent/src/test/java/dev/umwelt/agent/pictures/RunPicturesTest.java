package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.umwelt.agent.pictures.PictureWorlds.*;
import static org.junit.jupiter.api.Assertions.*;

class RunPicturesTest {
    private final Scenario room = PictureWorlds.room();
    private final List<Pose2D> path = List.of(new Pose2D(0.6, 0.6, 0), new Pose2D(2.0, 2.0, 0.8), new Pose2D(3.2, 3.2, 0.8));
    private final EpisodeMetrics metrics = new EpisodeMetrics(true, 0.9, 0.9, 3.7, 0, 9.5, "0123456789abcdef", 3.6, 0.1,
            true, "stop");

    @Test
    void trajectoryPngHasTheMapSizeAndShowsTheWorld(@TempDir Path dir) throws Exception {
        List<Path> written = RunPictures.write(dir, room, path, List.of(), metrics, null, null);
        assertEquals(List.of(dir.resolve(RunPictures.TRAJECTORY)), written, "no camera pictures without frames");
        BufferedImage png = ImageIO.read(dir.resolve(RunPictures.TRAJECTORY).toFile());
        TopDownMap expected = TopDownMap.fitted(room, RunPictures.WIDTH, RunPictures.MAX_MAP_HEIGHT, TopDownMap.CAPTION_HEIGHT);
        assertEquals(RunPictures.WIDTH, png.getWidth());
        assertEquals(expected.height(), png.getHeight());
        assertEquals(RED, rgb(png, expected.transform().pixelOf(RED_BOX.x(), RED_BOX.y())));
        assertEquals(Style.TRAJECTORY.getRGB() & 0xFFFFFF, rgb(png, expected.transform().pixelOf(1.3, 1.3)), "on the path");
        assertFalse(Files.exists(dir.resolve(RunPictures.CAMERA_FIRST)));
        assertFalse(Files.exists(dir.resolve(RunPictures.CAMERA_LAST)));
    }

    @Test
    void cameraPngsAreScaledNearestNeighbour(@TempDir Path dir) throws Exception {
        CameraFrame first = gradient(128, 96), last = gradient(128, 96);
        RunPictures.write(dir, room, path, List.of(), metrics, first, last);
        for (String name : List.of(RunPictures.CAMERA_FIRST, RunPictures.CAMERA_LAST)) {
            BufferedImage png = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(512, png.getWidth(), name);
            assertEquals(384, png.getHeight(), name);
            assertEquals(first.rgbAt(0, 0), png.getRGB(0, 0) & 0xFFFFFF);
            for (int[] uv : new int[][] {{1, 0}, {0, 1}, {37, 52}, {127, 95}}) {
                int u = uv[0], v = uv[1];
                for (int[] d : new int[][] {{0, 0}, {3, 0}, {0, 3}, {3, 3}}) {
                    assertEquals(first.rgbAt(u, v), png.getRGB(4 * u + d[0], 4 * v + d[1]) & 0xFFFFFF,
                            name + " camera pixel " + u + "," + v + " block offset " + d[0] + "," + d[1]);
                }
            }
        }
    }

    @Test
    void upscaleIsTwoToFourForSmallFramesAndOneForLargeOnes() {
        assertEquals(4, CameraImages.upscaleFactor(128));
        assertEquals(2, CameraImages.upscaleFactor(256));
        assertEquals(1, CameraImages.upscaleFactor(640));
        assertEquals(4, CameraImages.upscaleFactor(16));
    }
}
