package dev.umwelt.worldmodel.objects;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.sim.Simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Views of the round objects (and boxes) of generated ObjectNav scenarios from 0.8-5.5 m, one
 * frame each, with the detector's sighting nearest the object's true place: the calibration data
 * of the silhouette ({@link ShapeCalibration}) and of {@link ShapeAccuracyTest}.
 */
final class ShapeViews {
    private ShapeViews() {}

    /** One view: the object's truth, the range to its surface and the sighting (null: not detected). */
    record View(int scenario, WorldObject object, double surfaceRange, ObjectDetector.Sighting sighting) {}

    /** The primitives an instruction names, and the round furniture that can be mistaken for them. */
    static final List<String> PRIMITIVES = List.of("box", "ball", "cylinder", "cone"), ROUND_FURNITURE = List.of("bin", "plant pot");

    static List<View> collect(Split split, int from, int to, int viewsPerObject, double minRange, double maxRange) {
        List<View> out = new ArrayList<>();
        collect(split, from, to, viewsPerObject, minRange, maxRange, PRIMITIVES, out::add);
        return out;
    }

    static void collect(Split split, int from, int to, int viewsPerObject, double minRange, double maxRange,
                        List<String> labels, Consumer<View> sink) {
        PixelPalette palette = new PixelPalette();
        for (int i = from; i < to; i++) {
            Scenario g = ScenarioGenerator.generate(42, i, split, "objectnav").scenario();
            SplittableRandom rnd = new SplittableRandom(1000L * i + split.ordinal());
            ClearanceGrid clear = ClearanceGrid.build(g.world());
            for (WorldObject obj : g.world().objects()) {
                if (!labels.contains(obj.label())) continue;
                for (int v = 0; v < viewsPerObject; v++) {
                    Pose2D pose = null;
                    double d = 0;
                    for (int tries = 0; tries < 50 && pose == null; tries++) {
                        double a = rnd.nextDouble(-Math.PI, Math.PI);
                        d = rnd.nextDouble(minRange, maxRange);
                        double c = d + obj.boundingRadius();
                        double x = obj.pose().x() + c * Math.cos(a), y = obj.pose().y() + c * Math.sin(a);
                        if (clear.clearanceAt(x, y) > 0.35 && g.world().roomAt(new Vec2(x, y)).equals(g.world().roomAt(obj.position())))
                            pose = new Pose2D(x, y, a + Math.PI + rnd.nextDouble(-0.6, 0.6));
                    }
                    if (pose == null) continue;
                    try (Simulator sim = new Simulator(ObjectMemorySimTest.variant(g, pose, g.domainRandomization()))) {
                        TickReadings t = sim.reset(1000L * i + v);
                        ObjectDetector det = new ObjectDetector(palette, g.robot().camera(), g.robot().lidar().mount(),
                                g.robot().lidar().noiseStddev());
                        Pose2D truth = sim.groundTruth();
                        ObjectDetector.Sighting near = null;
                        double best = 0.5;
                        for (ObjectDetector.Sighting sg : det.detect(t.latest(CameraFrame.class), t.latest(LidarScan.class))) {
                            Pose2D at = truth.compose(new Pose2D(sg.x(), sg.y(), 0));
                            double e = Math.hypot(at.x() - obj.pose().x(), at.y() - obj.pose().y());
                            if (e < best) { best = e; near = sg; }
                        }
                        sink.accept(new View(i, obj, d, near));
                    }
                }
            }
        }
    }

    /** Confusion counts: rows true shape, columns voted BOX, SPHERE, CYLINDER, CONE, null. */
    static final class Confusion {
        final int[][] n = new int[Shape.values().length][Shape.values().length + 1];

        void add(Shape truth, Shape voted) {
            n[truth.ordinal()][voted == null ? Shape.values().length : voted.ordinal()]++;
        }

        int right() { int s = 0; for (int i = 0; i < n.length; i++) s += n[i][i]; return s; }
        int unknown() { int s = 0; for (int[] r : n) s += r[r.length - 1]; return s; }
        int total() { int s = 0; for (int[] r : n) for (int c : r) s += c; return s; }
        int wrong() { return total() - right() - unknown(); }
        /** Wrong votes among round objects' sightings (the ones that stop the explorer at nothing). */
        int wrongRound() {
            int s = 0;
            for (Shape t : Shape.values()) if (t.isRound()) for (int c = 0; c < Shape.values().length; c++) if (c != t.ordinal()) s += n[t.ordinal()][c];
            return s;
        }

        @Override public String toString() {
            StringBuilder b = new StringBuilder("truth\\voted     BOX    CYL    SPH   CONE   null\n");
            for (Shape t : Shape.values()) {
                b.append(String.format("%-10s", t));
                for (int c : n[t.ordinal()]) b.append(String.format(" %6d", c));
                b.append('\n');
            }
            return b.toString();
        }
    }
}
