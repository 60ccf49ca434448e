package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.sim.bench.BenchWorld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Camera frame cost in the bench world (60 walls, 20 static boxes, plus 5 movable objects of
 * every shape), instanced vs reference path, 128x96 and 320x240, in one run. A frame is what
 * the Simulator pays: {@link RenderService#renderNow} from another thread (queue hand-off,
 * movable upload, draw, glReadPixels, flip), plain style. Per configuration: warm-up, then
 * {@value #RUNS} runs of {@value #FRAMES} frames along a path that turns and drives; the
 * figure is the median of the runs' medians.
 *
 * <p>{@code java -cp <classpath> dev.umwelt.sim.render.RenderBenchmark}; pin with
 * {@code taskset -c 0}. llvmpipe rasterizes on LP_NUM_THREADS threads (default: cores).
 */
public final class RenderBenchmark {
    static final int WARMUP = 200, RUNS = 5, FRAMES = 200;
    static final int[][] SIZES = {{128, 96}, {320, 240}};

    /** One measured configuration: milliseconds per frame. */
    public record Row(RenderPath path, int width, int height, double medianMs, double p90Ms) {}

    public record Figures(String context, String world, List<Row> rows) {
        public double ms(RenderPath path, int width) {
            return rows.stream().filter(r -> r.path == path && r.width == width).findFirst().orElseThrow().medianMs;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(context + "\n" + world + "\n");
            b.append(String.format(Locale.ROOT, "%-10s %9s %12s %9s%n", "path", "size", "ms/frame", "p90"));
            for (Row r : rows) {
                b.append(String.format(Locale.ROOT, "%-10s %9s %12.3f %9.3f%n", r.path, r.width + "x" + r.height,
                        r.medianMs, r.p90Ms));
            }
            return b.toString();
        }
    }

    private RenderBenchmark() {}

    public static void main(String[] args) {
        System.out.print(run());
    }

    /** The bench world plus five movables, one of each round shape and two boxes. */
    static WorldMap world() {
        List<WorldObject> objects = new ArrayList<>(BenchWorld.boxes());
        Shape[] shapes = {Shape.SPHERE, Shape.CYLINDER, Shape.CONE, Shape.BOX, Shape.BOX};
        String[] colours = {"blue", "green", "yellow", "red", "orange"};
        for (int i = 0; i < shapes.length; i++) {
            objects.add(new WorldObject("m" + i, shapes[i].key(), shapes[i], Colour.named(colours[i]).orElseThrow(),
                    movablePose(i, 0), 0.4, 0.4, 0.5, true, 2));
        }
        return new WorldMap(BenchWorld.walls(), List.of(), List.of(), objects);
    }

    private static Pose2D movablePose(int i, int frame) {
        double a = 2 * Math.PI * i / 5 + 0.01 * frame;
        return new Pose2D(1.2 * Math.cos(a), 1.2 * Math.sin(a), a);
    }

    public static Figures run() {
        WorldMap world = world();
        int movables = world.movableObjects().size();
        List<Row> rows = new ArrayList<>();
        String context = "";
        for (RenderPath path : RenderPath.values()) {
            try (RenderService service = RenderService.headless(path)) {
                context = service.description().replace(", " + path, "");
                SceneHandle scene = service.upload(world, RenderStyle.plain());
                for (int[] size : SIZES) {
                    CameraSpec cam = new CameraSpec(0.1, 0, 0.3, 0.05, 30, size[0], size[1], Math.toRadians(90));
                    for (int f = 0; f < WARMUP; f++) frame(service, scene, cam, f, movables);
                    double[] medians = new double[RUNS], p90s = new double[RUNS];
                    for (int run = 0; run < RUNS; run++) {
                        double[] ms = new double[FRAMES];
                        for (int f = 0; f < FRAMES; f++) {
                            long t0 = System.nanoTime();
                            frame(service, scene, cam, f, movables);
                            ms[f] = (System.nanoTime() - t0) / 1e6;
                        }
                        Arrays.sort(ms);
                        medians[run] = ms[FRAMES / 2];
                        p90s[run] = ms[FRAMES * 9 / 10];
                    }
                    Arrays.sort(medians);
                    Arrays.sort(p90s);
                    rows.add(new Row(path, size[0], size[1], medians[RUNS / 2], p90s[RUNS / 2]));
                }
                service.release(scene);
            }
        }
        String threads = System.getenv("LP_NUM_THREADS");
        return new Figures(context + "; " + Runtime.getRuntime().availableProcessors() + " CPUs visible, LP_NUM_THREADS="
                + (threads == null ? "unset" : threads),
                BenchWorld.DESCRIPTION.substring(0, BenchWorld.DESCRIPTION.indexOf(';')) + " + " + movables
                        + " movables; plain style; renderNow incl. read-back", List.copyOf(rows));
    }

    /** A robot driving a slow circle while turning, movables orbiting: every frame differs. */
    private static void frame(RenderService service, SceneHandle scene, CameraSpec cam, int f, int movables) {
        double t = 0.02 * f;
        Pose2D robot = new Pose2D(0.5 * Math.cos(t), 0.5 * Math.sin(t), 0.7 * t);
        List<Pose2D> poses = new ArrayList<>(movables);
        for (int i = 0; i < movables; i++) poses.add(movablePose(i, f));
        service.renderNow(scene, cam, cam.width(), cam.height(), robot, poses, f);
    }
}
