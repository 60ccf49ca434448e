package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.robot.OdometrySpec;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.sim.Simulator;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.pose.PoseEstimator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The object memory on the real simulator and renderer (headless Mesa). */
class ObjectMemorySimTest {

    static Scenario variant(Scenario s, Pose2D start, boolean randomized) {
        return new Scenario(s.name(), s.source(), s.robotRef(), s.robot(), s.world(), start, s.task(), s.timeLimitSeconds(),
                s.physicsRateHz(), s.seed(), randomized, s.soundEmitters(), s.acoustics(), s.faults());
    }

    /**
     * Acceptance: see the red box, leave the bedroom, spend 30 s out of its view, then ask.
     * Pose from the PoseEstimator (scan matching) with odometry drift on (2% scale, 1 deg/m).
     */
    @Test
    void remembersTheRedBoxSeenThirtySecondsAgo() {
        Scenario base = ScenarioLoader.load(Path.of("..", "scenarios", "catalog", "apartment-find-red-box.yaml"));
        OdometrySpec o = base.robot().odometry();
        base = base.withRobot(base.robot().withOdometry(new OdometrySpec(o.rateHz(), 0.02, Math.toRadians(1), o.noiseStddev())));
        Scenario s = variant(base, new Pose2D(2.5, 5.4, Math.toRadians(40)), true);
        WorldObject box = s.world().objects().stream().filter(w -> w.id().equals("red-box")).findFirst().orElseThrow();
        Vec2[] b = s.world().bounds();
        OccupancyGrid grid = OccupancyGrid.covering(b[0].x() - 1, b[0].y() - 1, b[1].x() + 1, b[1].y() + 1, 0.05);
        ObjectMemory memory = new ObjectMemory(s.robot());
        try (Simulator sim = new Simulator(s)) {
            TickReadings t = sim.reset(11);
            PoseEstimator est = new PoseEstimator(grid, s.robot().lidar().mount(), sim.groundTruth());
            // Waypoints: look around in the bedroom, then through the bedroom door into the kitchen.
            double[][] route = {{2.5, 4.7}, {2.5, 3.2}, {1.6, 3.0}};
            int wp = 0;
            long lastInView = 0, queryAt = 0;
            for (int k = 0; ; k++) {
                feed(t, est, memory);
                Pose2D truth = sim.groundTruth();
                if (boxInView(truth, box)) lastInView = sim.nowNanos();
                double time = (sim.nowNanos() - t.stampNanos()) / 1e9 + k * 0.05;
                Twist2D cmd;
                if (k < 60) cmd = new Twist2D(0, k < 30 ? 0.25 : -0.25); // look around at the box
                else if (wp < route.length) {
                    Pose2D p = est.pose();
                    double dx = route[wp][0] - p.x(), dy = route[wp][1] - p.y();
                    if (Math.hypot(dx, dy) < 0.15) { wp++; continue; }
                    double e = Angles.normalize(Math.atan2(dy, dx) - p.yaw());
                    cmd = new Twist2D(Math.abs(e) < 0.4 ? 0.4 : 0, Math.max(-1.5, Math.min(1.5, 2.5 * e)));
                } else {
                    // Look around the kitchen facing away from the bedroom door (south, +-60 deg).
                    double e = Angles.normalize(Math.toRadians(-90 + 60 * Math.sin(k * 0.02)) - est.pose().yaw());
                    cmd = new Twist2D(0, Math.max(-1.0, Math.min(1.0, 2.0 * e)));
                    if (lastInView > 0 && sim.nowNanos() - lastInView >= 30_000_000_000L) { queryAt = sim.nowNanos(); break; }
                }
                if (k > 3000) break;
                t = sim.step(VelocityCommand.of(sim.nowNanos(), cmd, 300_000_000L));
            }
            assertTrue(queryAt > 0, "never got 30 s out of view");
            Pose2D p = est.pose();
            Optional<RememberedObject> found = memory.nearest(new ObjectQuery("red", null, "box"), p.x(), p.y());
            System.out.printf("acceptance: pose error %.3f m; objects %s%n", p.distanceTo(sim.groundTruth()), memory.objects());
            assertTrue(found.isPresent(), "no red box remembered");
            RememberedObject r = found.get();
            double err = Math.hypot(r.x() - box.pose().x(), r.y() - box.pose().y());
            System.out.printf("red box: remembered at (%.2f, %.2f) shape %s conf %.2f, error %.3f m, last seen %.1f s before the query%n",
                    r.x(), r.y(), r.shape(), r.confidence(), err, (queryAt - r.lastSeenNanos()) / 1e9);
            assertTrue(queryAt - r.lastSeenNanos() >= 30_000_000_000L, "seen too recently");
            assertTrue(err < 0.2, "red box error " + err);
        }
    }

    private static void feed(TickReadings t, PoseEstimator est, ObjectMemory memory) {
        LidarScan scan = null;
        for (Stamped r : t.readings()) {
            if (r instanceof Odometry o) est.onOdometry(o);
            else if (r instanceof LidarScan s) { est.onScan(s); scan = s; }
        }
        for (Stamped r : t.readings()) if (r instanceof CameraFrame f) memory.observe(f, scan, est.pose());
    }

    private static boolean boxInView(Pose2D truth, WorldObject box) {
        double a = Angles.normalize(Math.atan2(box.pose().y() - truth.y(), box.pose().x() - truth.x()) - truth.yaw());
        return Math.abs(a) < Math.toRadians(50); // camera fov 90 deg; walls ignored (conservative)
    }

    record Tally(int views, int detected, int colourRight, int shapeRight, int shapeNull, int shapeWrong) {}

    /** Colour and shape of the generated ObjectNav primitives, one frame per view, many views. */
    static Tally classify(boolean randomized, int scenarios) {
        int views = 0, detected = 0, colourRight = 0, shapeRight = 0, shapeNull = 0, shapeWrong = 0;
        SplittableRandom rnd = new SplittableRandom(5);
        PixelPalette palette = new PixelPalette();
        for (int i = 0; i < scenarios; i++) {
            Scenario g = ScenarioGenerator.generate(42, i, Split.TRAIN, "objectnav").scenario();
            ClearanceGrid clear = ClearanceGrid.build(g.world());
            for (WorldObject obj : g.world().objects()) {
                if (!List.of("box", "ball", "cylinder", "cone").contains(obj.label())) continue;
                for (int v = 0; v < 3; v++) {
                    Pose2D pose = null;
                    for (int tries = 0; tries < 50 && pose == null; tries++) {
                        double a = rnd.nextDouble(-Math.PI, Math.PI), d = rnd.nextDouble(1.2, 3.0) + obj.boundingRadius();
                        double x = obj.pose().x() + d * Math.cos(a), y = obj.pose().y() + d * Math.sin(a);
                        if (clear.clearanceAt(x, y) > 0.35 && g.world().roomAt(new Vec2(x, y)).equals(g.world().roomAt(obj.position())))
                            pose = new Pose2D(x, y, a + Math.PI + rnd.nextDouble(-0.3, 0.3));
                    }
                    if (pose == null) continue;
                    try (Simulator sim = new Simulator(variant(g, pose, randomized))) {
                        TickReadings t = sim.reset(1000L * i + v);
                        // One frame, one sighting: the detector's own colour and shape vote.
                        ObjectDetector det = new ObjectDetector(palette, g.robot().camera(), g.robot().lidar().mount(),
                                g.robot().lidar().noiseStddev());
                        Pose2D truth = sim.groundTruth();
                        views++;
                        ObjectDetector.Sighting near = null;
                        double best = 0.5;
                        for (ObjectDetector.Sighting sg : det.detect(t.latest(CameraFrame.class), t.latest(LidarScan.class))) {
                            Pose2D at = truth.compose(new Pose2D(sg.x(), sg.y(), 0));
                            double d = Math.hypot(at.x() - obj.pose().x(), at.y() - obj.pose().y());
                            if (d < best) { best = d; near = sg; }
                        }
                        if (near == null) continue;
                        detected++;
                        if (palette.names[near.label()].equals(obj.colour().name())) colourRight++;
                        else System.out.println("colour " + palette.names[near.label()] + " for " + obj.colour().name() + (randomized ? " (DR)" : ""));
                        Shape sh = near.shape();
                        if (sh == null) shapeNull++;
                        else if (sh == obj.shape()) shapeRight++;
                        else { shapeWrong++; System.out.println("shape " + sh + " for " + obj.shape() + (randomized ? " (DR)" : "")); }
                    }
                }
            }
        }
        return new Tally(views, detected, colourRight, shapeRight, shapeNull, shapeWrong);
    }

    @Test
    void colourAndShapeAccuracyOverGeneratedScenarios() {
        for (boolean dr : new boolean[] {false, true}) {
            Tally t = classify(dr, 8);
            System.out.printf("classification %s: views %d, detected %d (%.0f%%), colour right %.1f%% of detected,"
                            + " shape right %d / null %d / wrong %d%n", dr ? "randomized" : "plain", t.views(), t.detected(),
                    100.0 * t.detected() / t.views(), 100.0 * t.colourRight() / t.detected(), t.shapeRight(), t.shapeNull(), t.shapeWrong());
            assertTrue(t.views() >= 30, "too few views: " + t.views());
            assertTrue(t.detected() >= 0.6 * t.views(), "detected " + t.detected() + " of " + t.views());
            assertTrue(t.colourRight() >= 0.9 * t.detected(), "colour right " + t.colourRight() + " of " + t.detected());
            assertTrue(t.shapeWrong() <= 0.15 * t.detected(), "shape wrong " + t.shapeWrong() + " of " + t.detected());
            // Measured: 94 (plain) and 87 (DR) of ~115; before the silhouette named balls and cones
            // from 1.1 m on (footprint null or a corner), 49 and 46: no ball or cone was ever named.
            assertTrue(t.shapeRight() >= 0.65 * t.detected(), "shape right " + t.shapeRight() + " of " + t.detected());
        }
    }
}
