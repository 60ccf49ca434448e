package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.worldmodel.MapSnapshot;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.sound.SoundSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BeliefMapTest {
    /**
     * 8 m x 6 m at 0.1 m from (-1,-1): free floor x in [0,4), y in [0,3); an occupied wall column
     * at x in [4.0,4.1); the rest unknown.
     */
    private static MapSnapshot snapshot() {
        int w = 80, h = 60;
        byte[] cells = new byte[w * h];
        Arrays.fill(cells, MapSnapshot.UNKNOWN);
        for (int iy = 10; iy < 40; iy++) {
            for (int ix = 10; ix < 50; ix++) cells[iy * w + ix] = MapSnapshot.FREE;
            cells[iy * w + 50] = MapSnapshot.OCCUPIED;
        }
        List<Pose2D> trail = List.of(new Pose2D(0.5, 0.5, 0), new Pose2D(1.5, 0.5, 0), new Pose2D(1.5, 2.5, 1.57));
        RememberedObject box = new RememberedObject(1, "red", Shape.BOX, 3.0, 2.0, 0.25, 0.9, 0, 0, 5, false, Shape.BOX, false, 2.0);
        SoundSource beeper = new SoundSource(0.5, 2.5, 0.3, -20, 0, 4);
        Frontier f = new Frontier(3.85, 0.35, 12);
        return new MapSnapshot(-1, -1, 0.1, w, h, cells, trail, List.of(box), List.of(beeper), List.of(f));
    }

    private static int rgb(BufferedImage img, int[] p) {
        return img.getRGB(p[0], p[1]) & 0xFFFFFF;
    }

    @Test
    void mapPngShowsCellsPathObjectsSoundsAndFrontiers(@TempDir Path dir) throws Exception {
        MapSnapshot s = snapshot();
        BeliefMap map = BeliefMap.fitted(s, RunPictures.WIDTH, RunPictures.MAX_MAP_HEIGHT);
        Path file = RunPictures.png(map.render(), dir.resolve(RunPictures.MAP));
        BufferedImage png = ImageIO.read(file.toFile());
        MapTransform t = map.view();
        // known area (x -0.0..4.1, y 0..3) plus 0.5 m: 5.1 m x 4.0 m fitted into 1024 x 900 -> 1024 wide
        assertEquals(1024, png.getWidth());
        assertEquals((int) Math.floor(4.0 * 1024 / 5.1), png.getHeight());
        assertEquals(BeliefMap.FREE.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(2.2, 0.3)), "free floor");
        assertEquals(BeliefMap.OCCUPIED.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(4.05, 1.0)), "wall cell");
        assertEquals(BeliefMap.UNKNOWN.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(4.4, 1.0)), "beyond the wall");
        assertEquals(BeliefMap.UNKNOWN.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(2.0, 3.3)), "north of the room");
        assertEquals(BeliefMap.PATH.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(1.0, 0.5)), "on the estimated path");
        assertEquals(BeliefMap.PATH.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(1.5, 1.5)), "on the path's second leg");
        assertEquals(Colour.PALETTE.get("red") & 0xFFFFFF, rgb(png, t.pixelOf(3.0, 2.0)), "red box disc centre");
        assertEquals(Colour.PALETTE.get("red") & 0xFFFFFF, rgb(png, t.pixelOf(3.15, 2.0)), "inside its 0.25 m radius");
        assertEquals(BeliefMap.FRONTIER.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(3.85, 0.35)), "frontier marker");
        assertEquals(BeliefMap.SOUND.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(0.5, 2.5)), "sound source dot");
        // the sound's 0.3 m uncertainty ring passes 0.3 m east of it; inside the ring is floor
        int[] ring = t.pixelOf(0.5 + 0.3, 2.5);
        boolean onRing = false;
        for (int du = -1; du <= 1; du++) onRing |= (png.getRGB(ring[0] + du, ring[1]) & 0xFFFFFF) == (BeliefMap.SOUND.getRGB() & 0xFFFFFF);
        assertTrue(onRing, "uncertainty ring");
        assertEquals(BeliefMap.FREE.getRGB() & 0xFFFFFF, rgb(png, t.pixelOf(0.5 + 0.15, 2.5 + 0.15)), "inside the ring");
    }

    @Test
    void knownBoundsFollowKnownCellsAndTrail() {
        double[] b = snapshot().knownBounds(0);
        assertArrayEquals(new double[] {0.0, 0.0, 4.1, 3.0}, b, 1e-9);
    }
}
