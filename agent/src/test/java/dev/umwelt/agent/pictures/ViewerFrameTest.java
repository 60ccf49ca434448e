package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ViewerFrameTest {
    private final Scenario room = PictureWorlds.room();

    private ViewerState state(CameraFrame camera, Pose2D pose, List<Pose2D> path) {
        float[] ranges = new float[360];
        Arrays.fill(ranges, 1.5f);
        LidarScan scan = new LidarScan(new Header(Clock.SIM_EPOCH_NANOS, "laser"), (float) -Math.PI,
                (float) (2 * Math.PI / 360), 0f, 0.1f, 0.1f, 8f, ranges, null);
        return new ViewerState(room, pose, path, scan, camera, null, new Twist2D(0.3, -0.1), 4.25);
    }

    @Test
    void cameraInsetSitsTopRightWithTheFramesPixels() {
        CameraFrame frame = PictureWorlds.gradient(128, 96);
        BufferedImage img = new ViewerFrame().draw(state(frame, new Pose2D(2, 2, 0), List.of()), 1024, 768);
        assertEquals(1024, img.getWidth());
        assertEquals(768, img.getHeight());
        Rectangle r = ViewerFrame.cameraInset(1024, 768, 128, 96);
        assertEquals(1024 - ViewerFrame.INSET_MARGIN, r.x + r.width, "flush with the right edge, less the margin");
        assertEquals(ViewerFrame.INSET_MARGIN, r.y, "at the top");
        assertEquals(2, r.width / 128, "a 128 px frame is shown at twice its size");
        for (int[] uv : new int[][] {{0, 0}, {64, 48}, {127, 95}, {5, 90}}) {
            int u = uv[0], v = uv[1];
            assertEquals(frame.rgbAt(u, v), img.getRGB(r.x + 2 * u + 1, r.y + 2 * v + 1) & 0xFFFFFF, "camera pixel " + u + "," + v);
        }
        BufferedImage without = new ViewerFrame().draw(state(null, new Pose2D(2, 2, 0), List.of()), 1024, 768);
        assertNotEquals(frame.rgbAt(64, 48), without.getRGB(r.x + 129, r.y + 97) & 0xFFFFFF);
    }

    @Test
    void robotPathAndRaysAreDrawnOverTheCachedMap() {
        ViewerFrame viewer = new ViewerFrame();
        List<Pose2D> path = new ArrayList<>();
        for (int i = 0; i <= 20; i++) path.add(new Pose2D(0.6 + i * 0.05, 1.5, 0));
        BufferedImage img = viewer.draw(state(null, new Pose2D(2.5, 2.5, Math.PI / 2), path), 800, 600);
        TopDownMap map = new TopDownMap(room, 800, 600, ViewerFrame.TEXT_HEIGHT);
        MapTransform t = map.transform();
        BufferedImage bare = map.staticLayer();
        assertEquals(Style.TRAJECTORY.getRGB() & 0xFFFFFF, img.getRGB(t.pixelOf(1.0, 1.5)[0], t.pixelOf(1.0, 1.5)[1]) & 0xFFFFFF);
        int[] centre = t.pixelOf(2.5, 2.5), ray = t.pixelOf(3.5, 2.5), faraway = t.pixelOf(3.5, 0.7);
        assertNotEquals(bare.getRGB(centre[0], centre[1]), img.getRGB(centre[0], centre[1]), "robot body");
        assertNotEquals(bare.getRGB(ray[0], ray[1]), img.getRGB(ray[0], ray[1]), "a lidar ray 1 m to the east");
        assertEquals(bare.getRGB(faraway[0], faraway[1]), img.getRGB(faraway[0], faraway[1]), "beyond the 1.5 m rays");
        // Heading: the robot faces +y, so its heading line runs up the image from the centre.
        int[] ahead = t.pixelOf(2.5, 2.5 + room.robot().footprintRadius() * 1.2);
        assertEquals(Style.ROBOT.getRGB() & 0xFFFFFF, img.getRGB(ahead[0], ahead[1]) & 0xFFFFFF);
    }
}
