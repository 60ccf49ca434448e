package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.List;

/**
 * A known world for picture tests: a 4 x 4 m room (walls on x, y = 0 and 4), a red box at
 * (1, 3) high up in the room and a blue cylinder at (3, 0.8) low down, a robot of radius 0.2.
 */
final class PictureWorlds {
    static final Vec2 RED_BOX = new Vec2(1.0, 3.0);
    static final Vec2 BLUE_CYLINDER = new Vec2(3.0, 0.8);
    static final int RED = 0xD62828, BLUE = 0x1D4ED8;

    private PictureWorlds() {}

    static Scenario room() {
        return room(new PointGoal(new Vec2(3.2, 3.2), 0.3, "go to the corner"));
    }

    static Scenario roomFindRedBox() {
        return room(new ObjectGoal("red-box", 1.0, "go to the red box"));
    }

    static Scenario room(Task task) {
        List<Wall> walls = List.of(wall(0, 0, 4, 0), wall(4, 0, 4, 4), wall(4, 4, 0, 4), wall(0, 4, 0, 0));
        List<WorldObject> objects = List.of(
                new WorldObject("red-box", "box", Shape.BOX, Colour.named("red").orElseThrow(),
                        new Pose2D(RED_BOX.x(), RED_BOX.y(), 0.3), 0.6, 0.5, 0.5, false, 0),
                new WorldObject("blue-bin", "bin", Shape.CYLINDER, Colour.named("blue").orElseThrow(),
                        new Pose2D(BLUE_CYLINDER.x(), BLUE_CYLINDER.y(), 0), 0.4, 0.4, 0.6, true, 2));
        WorldMap world = new WorldMap(walls, List.of(new Door("front door", new Vec2(2, 0), 0.8)),
                List.of(new Room("studio", new Vec2(0, 0), new Vec2(4, 4))), objects);
        LidarSpec lidar = new LidarSpec(Pose2D.ORIGIN, 10, 360, -Math.PI, Math.PI, 0.1, 8, 0, 0);
        RobotDescription robot = new RobotDescription("test-bot", null, 0.2, 0.3, 10, 0.05,
                new MotionLimits(0.5, 1.5, 1.0, 3.0), MotionNoise.NONE, 20, 0.5, lidar, OdometrySpec.perfect(20), null,
                List.of());
        return new Scenario("picture-room", null, "test-bot", robot, world, new Pose2D(0.6, 0.6, 0), task, 60, 100, 1);
    }

    static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), 0.1, 1.0);
    }

    /** A frame whose every pixel differs: r = 2u, g = 2v, b = (u + v) % 256. */
    static CameraFrame gradient(int width, int height) {
        byte[] rgb = new byte[3 * width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int i = 3 * (v * width + u);
                rgb[i] = (byte) (2 * u);
                rgb[i + 1] = (byte) (2 * v);
                rgb[i + 2] = (byte) ((u + v) % 256);
            }
        }
        return new CameraFrame(new Header(Clock.SIM_EPOCH_NANOS, "camera"), width, height, rgb);
    }

    static int rgb(java.awt.image.BufferedImage img, int[] px) {
        return img.getRGB(px[0], px[1]) & 0xFFFFFF;
    }
}
