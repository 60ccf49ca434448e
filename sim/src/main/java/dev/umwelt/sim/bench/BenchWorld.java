package dev.umwelt.sim.bench;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.MotionNoise;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed benchmark world, built in code so numbers compare across commits: a 20 x 20 m
 * area ([-10, 10]^2) with exactly 60 walls (the 4 outer walls plus 56 interior partitions,
 * 1-3 m long, 0.1 m thick, at varied angles) and 20 static boxes (0.3-0.8 m), placed by a
 * SplittableRandom with the fixed seed {@value #LAYOUT_SEED}, keeping 1.5 m clear around the
 * start (the origin). The robot: 0.2 m radius, 0.3 m wheelbase, 2% wheel slip, a 360-beam
 * lidar at 20 Hz (range 0.1-12 m, 1 cm noise, 0.1% dropout), odometry at 50 Hz with drift;
 * control at 20 Hz, physics at 100 Hz.
 */
public final class BenchWorld {
    public static final long LAYOUT_SEED = 20240611L;
    public static final int WALLS = 60, BOXES = 20;
    public static final double HALF_SIZE = 10;
    /** What a benchmark report prints about the world it measured. */
    public static final String DESCRIPTION = "bench world 20 x 20 m, " + WALLS + " walls, " + BOXES
            + " static boxes; physics 100 Hz, 360-beam lidar 20 Hz, control 20 Hz";

    private BenchWorld() {}

    public static RobotDescription robot() {
        LidarSpec lidar = new LidarSpec(Pose2D.ORIGIN, 20, 360, -Math.PI, Math.PI, 0.1, 12, 0.01, 0.001);
        return new RobotDescription("bench-bot", null, 0.2, 0.3, 10, 0.1,
                new MotionLimits(1.0, 2.0, 1.5, 4.0), new MotionNoise(0.02), 20, 0.5,
                lidar, new OdometrySpec(50, 0.01, 0.005, 0.005), null, List.of());
    }

    public static Scenario scenario() {
        return scenario(robot());
    }

    public static Scenario scenario(RobotDescription robot) {
        WorldMap map = new WorldMap(walls(), List.of(), List.of(), boxes());
        return new Scenario("bench-20x20", null, "bench-bot", robot, map, Pose2D.ORIGIN,
                new PointGoal(new Vec2(8, 8), 0.5, "go to the far corner"), 3600, 100, 1);
    }

    public static List<Wall> walls() {
        double h = HALF_SIZE;
        List<Wall> walls = new ArrayList<>(List.of(
                wall(-h, -h, h, -h), wall(h, -h, h, h), wall(h, h, -h, h), wall(-h, h, -h, -h)));
        SplittableRandom r = new SplittableRandom(LAYOUT_SEED);
        while (walls.size() < WALLS) {
            double cx = r.nextDouble(-8.5, 8.5), cy = r.nextDouble(-8.5, 8.5);
            double len = r.nextDouble(1, 3), a = r.nextDouble(0, Math.PI);
            Wall w = wall(cx - Math.cos(a) * len / 2, cy - Math.sin(a) * len / 2,
                    cx + Math.cos(a) * len / 2, cy + Math.sin(a) * len / 2);
            if (w.distanceTo(Vec2.ZERO) > 1.5) walls.add(w);
        }
        return walls;
    }

    public static List<WorldObject> boxes() {
        SplittableRandom r = new SplittableRandom(LAYOUT_SEED + 1);
        List<WorldObject> boxes = new ArrayList<>();
        Colour grey = Colour.named("grey").orElseThrow();
        while (boxes.size() < BOXES) {
            double x = r.nextDouble(-9, 9), y = r.nextDouble(-9, 9);
            double sx = r.nextDouble(0.3, 0.8), sy = r.nextDouble(0.3, 0.8), yaw = r.nextDouble(-Math.PI, Math.PI);
            if (Math.hypot(x, y) < 1.5 + Math.hypot(sx, sy) / 2) continue;
            boxes.add(new WorldObject("box" + boxes.size(), "box", Shape.BOX, grey, new Pose2D(x, y, yaw),
                    sx, sy, 0.5, false, 0));
        }
        return boxes;
    }

    private static Wall wall(double x0, double y0, double x1, double y1) {
        return new Wall(new Vec2(x0, y0), new Vec2(x1, y1), 0.1, 1.0);
    }
}
