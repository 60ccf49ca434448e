package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;

/** Worlds and image probes for the renderer tests. */
final class Scenes {
    static final int W = 128, H = 96;
    /** 128x96, 90 deg horizontal fov, 0.3 m up, level. */
    static final CameraSpec CAMERA = new CameraSpec(0, 0, 0.3, 0, 10, W, H, Math.toRadians(90));

    private Scenes() {}

    static WorldObject object(String id, Shape shape, String colour, double x, double y, double size, boolean movable) {
        return new WorldObject(id, id, shape, Colour.named(colour).orElseThrow(), new Pose2D(x, y, 0),
                size, size, size, movable, movable ? 1 : 0);
    }

    static WorldMap world(List<Wall> walls, WorldObject... objects) {
        return new WorldMap(walls, List.of(), List.of(), List.of(objects));
    }

    static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), 0.1, 1);
    }

    /** A red box (0.5 m) 2 m ahead, a blue sphere 1 m left of it, in a 10 x 10 m room. */
    static WorldMap fixedScene() {
        List<Wall> walls = new ArrayList<>(List.of(wall(-5, -5, 5, -5), wall(5, -5, 5, 5), wall(5, 5, -5, 5), wall(-5, 5, -5, -5)));
        return world(walls, object("box", Shape.BOX, "red", 2, 0, 0.5, false),
                object("ball", Shape.SPHERE, "blue", 2, 1, 0.5, true),
                object("can", Shape.CYLINDER, "green", 3, -1.2, 0.4, false),
                object("cone", Shape.CONE, "yellow", 3.5, 0.5, 0.5, true));
    }

    static List<Pose2D> fixedMovables() {
        return List.of(new Pose2D(2, 1, 0), new Pose2D(3.5, 0.5, 0.3));
    }

    static boolean isRed(byte[] rgb, int i) {
        return (rgb[i] & 255) > 150 && (rgb[i + 1] & 255) < 80 && (rgb[i + 2] & 255) < 80;
    }

    static boolean isBlue(byte[] rgb, int i) {
        return (rgb[i + 2] & 255) > 120 && (rgb[i] & 255) < 80 && (rgb[i + 1] & 255) < 120;
    }

    interface PixelTest {
        boolean test(byte[] rgb, int i);
    }

    /** {count, mean column, mean row} of pixels passing {@code p}. */
    static double[] stats(byte[] rgb, PixelTest p) {
        double n = 0, cols = 0, rows = 0;
        for (int v = 0; v < H; v++) {
            for (int u = 0; u < W; u++) {
                if (p.test(rgb, 3 * (v * W + u))) { n++; cols += u; rows += v; }
            }
        }
        return new double[] {n, n == 0 ? Double.NaN : cols / n, n == 0 ? Double.NaN : rows / n};
    }

    /** Writes a binary PPM (handy when a test fails: any viewer opens it). */
    static void writePpm(byte[] rgb, int w, int h, java.nio.file.Path file) throws java.io.IOException {
        byte[] header = ("P6\n" + w + " " + h + "\n255\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            out.write(header);
            out.write(rgb);
        }
    }
}
