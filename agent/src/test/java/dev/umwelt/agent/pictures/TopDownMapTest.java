package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.umwelt.agent.pictures.PictureWorlds.*;
import static org.junit.jupiter.api.Assertions.*;

class TopDownMapTest {
    private final Scenario room = PictureWorlds.room();

    @Test
    void objectsAreDrawnInTheirColourWhereTheyStand() {
        TopDownMap map = TopDownMap.fitted(room, 600, 600, TopDownMap.CAPTION_HEIGHT);
        BufferedImage img = map.staticLayer();
        MapTransform t = map.transform();
        assertEquals(RED, rgb(img, t.pixelOf(RED_BOX.x(), RED_BOX.y())));
        assertEquals(BLUE, rgb(img, t.pixelOf(BLUE_CYLINDER.x(), BLUE_CYLINDER.y())));
        // Inside the box's footprint (0.6 x 0.5, turned 0.3 rad) but not at its centre.
        assertEquals(RED, rgb(img, t.pixelOf(RED_BOX.x() + 0.15, RED_BOX.y() + 0.1)));
        // A wall is dark, the floor beside it is not.
        assertEquals(Style.WALL.getRGB() & 0xFFFFFF, rgb(img, t.pixelOf(2.5, 4.0)));
        assertNotEquals(Style.WALL.getRGB() & 0xFFFFFF, rgb(img, t.pixelOf(2.5, 3.7)));
    }

    @Test
    void yIsUpAndXIsRight() {
        TopDownMap map = new TopDownMap(room, 500, 400, 0);
        MapTransform t = map.transform();
        int[] red = t.pixelOf(RED_BOX.x(), RED_BOX.y()), blue = t.pixelOf(BLUE_CYLINDER.x(), BLUE_CYLINDER.y());
        assertTrue(red[1] < blue[1], "larger y must be higher in the image: red row " + red[1] + ", blue row " + blue[1]);
        assertTrue(red[0] < blue[0], "larger x must be further right");
        // And the colours really are there, not just the transform saying so.
        BufferedImage img = map.staticLayer();
        assertEquals(RED, rgb(img, red));
        assertEquals(BLUE, rgb(img, blue));
    }

    @Test
    void worldFitsInsideTheMarginAndKeepsItsAspect() {
        TopDownMap map = TopDownMap.fitted(room, 1024, 900, TopDownMap.CAPTION_HEIGHT);
        MapTransform t = map.transform();
        assertEquals(1024, map.width());
        double[] us = {t.u(-0.05), t.u(4.05)}, vs = {t.v(4.05), t.v(-0.05)};
        assertTrue(us[0] >= TopDownMap.MARGIN - 1 && us[1] <= 1024 - TopDownMap.MARGIN + 1, Arrays.toString(us));
        assertTrue(vs[0] >= TopDownMap.MARGIN - 1 && vs[1] <= map.mapArea().height - TopDownMap.MARGIN + 1, Arrays.toString(vs));
        assertEquals(t.length(1), t.u(1) - t.u(0), 1e-9);
        assertEquals(map.mapArea().height + TopDownMap.CAPTION_HEIGHT, map.height());
    }

    @Test
    void trajectoryPixelsLieAlongThePathAndCollisionsAreMarked() {
        TopDownMap map = TopDownMap.fitted(room, 600, 600, TopDownMap.CAPTION_HEIGHT);
        MapTransform t = map.transform();
        List<Pose2D> path = new ArrayList<>();
        for (int i = 0; i <= 60; i++) path.add(new Pose2D(0.5 + i * 0.05, 2.0, 0)); // x 0.5 .. 3.5 along y = 2
        long period = room.robot().controlPeriodNanos();
        EpisodeEvent bump = new EpisodeEvent(new Header(Clock.SIM_EPOCH_NANOS + 10 * period, "map"),
                EpisodeEvent.Kind.COLLISION_BEGAN, "sim", "wall");
        BufferedImage img = map.renderRun(path, List.of(bump), null);

        int trajectory = Style.TRAJECTORY.getRGB() & 0xFFFFFF;
        for (double x = 1.5; x <= 3.0; x += 0.25) {
            assertEquals(trajectory, rgb(img, t.pixelOf(x, 2.0)), "path pixel at x=" + x);
        }
        assertNotEquals(trajectory, rgb(img, t.pixelOf(2.0, 1.5)), "off the path");
        Pose2D at = path.get(10);
        assertEquals(Style.COLLISION.getRGB() & 0xFFFFFF, rgb(img, t.pixelOf(at.x(), at.y())), "collision at tick 10");
        assertEquals(List.of(at), TopDownMap.collisionPoses(path, List.of(bump), period));
    }

    @Test
    void lidarRaysGoToHitsFaintToRangeMaxAndSkipNaN() {
        TopDownMap map = new TopDownMap(room, 600, 600, 0);
        MapTransform t = map.transform();
        float[] ranges = new float[4]; // beams at 0, pi/2, pi, 3pi/2 from a robot at (2, 2) facing +x
        ranges[0] = 1.0f;
        ranges[1] = Float.NaN;
        ranges[2] = Float.POSITIVE_INFINITY;
        ranges[3] = 1.2f;
        LidarScan scan = new LidarScan(new Header(Clock.SIM_EPOCH_NANOS, "laser"), 0f, (float) (Math.PI / 2), 0f, 0.1f,
                0.1f, 1.5f, ranges, null);
        BufferedImage img = map.newFrame();
        Graphics2D g = map.overlayGraphics(img);
        map.drawLidar(g, new Pose2D(2, 2, 0), scan);
        g.dispose();
        BufferedImage before = map.staticLayer();
        assertNotEquals(rgb(before, t.pixelOf(2.5, 2.0)), rgb(img, t.pixelOf(2.5, 2.0)), "beam 0 to its hit");
        assertNotEquals(rgb(before, t.pixelOf(3.0, 2.0)), rgb(img, t.pixelOf(3.0, 2.0)), "hit point of beam 0");
        assertEquals(rgb(before, t.pixelOf(2.0, 2.6)), rgb(img, t.pixelOf(2.0, 2.6)), "NaN beam is not drawn");
        assertNotEquals(rgb(before, t.pixelOf(1.0, 2.0)), rgb(img, t.pixelOf(1.0, 2.0)), "+Inf beam drawn to rangeMax");
        assertEquals(rgb(before, t.pixelOf(0.3, 2.0)), rgb(img, t.pixelOf(0.3, 2.0)), "+Inf stops at rangeMax");
        assertNotEquals(rgb(before, t.pixelOf(2.0, 1.0)), rgb(img, t.pixelOf(2.0, 1.0)), "beam 3 points at -y");
        assertEquals(rgb(before, t.pixelOf(2.0, 0.5)), rgb(img, t.pixelOf(2.0, 0.5)), "beam 3 ends at its hit");
    }

    @Test
    void objectGoalKeepsTheTargetsColourInsideItsRing() {
        TopDownMap map = new TopDownMap(PictureWorlds.roomFindRedBox(), 500, 500, TopDownMap.CAPTION_HEIGHT);
        BufferedImage img = map.staticLayer();
        MapTransform t = map.transform();
        assertEquals(RED, rgb(img, t.pixelOf(RED_BOX.x(), RED_BOX.y())));
        // Inside the success ring (bounding radius 0.39 + 1.0) the floor is tinted green.
        int floor = Style.FLOOR.getRGB() & 0xFFFFFF, ring = rgb(img, t.pixelOf(RED_BOX.x() + 0.9, RED_BOX.y() - 0.2));
        assertNotEquals(floor, ring);
        assertTrue((ring >> 8 & 0xff) > (ring >> 16 & 0xff), "green tint: " + Integer.toHexString(ring));
    }
}
