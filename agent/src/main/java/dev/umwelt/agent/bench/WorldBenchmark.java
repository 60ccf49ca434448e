package dev.umwelt.agent.bench;

import dev.umwelt.sim.bench.LidarWander;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.sim.Simulator;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.worldmodel.grid.LikelihoodField;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.ObjectQuery;
import dev.umwelt.worldmodel.pose.ScanMatcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code bench world}: the world model's costs on real simulator readings. A catalog scenario is
 * driven for {@code seconds} by a lidar-reactive wander (camera on), the readings are kept, then
 * each part is timed on them: grid update per scan, one scan match, the whole facade per
 * simulated second (motion-gated, as the agent runs it), and the queries (frontiers, straight
 * path, nearest object, planner) on the final map, object memory per camera frame and sound
 * map per audio chunk (a synthetic two-channel chunk when the scenario has no sound).
 */
public final class WorldBenchmark {
    private final Scenario scenario;
    private final double seconds;

    public WorldBenchmark(Scenario scenario, double seconds) {
        this.scenario = scenario;
        this.seconds = seconds;
    }

    public void run(PrintWriter out) {
        List<Observation> observations = new ArrayList<>(), blind = new ArrayList<>();
        List<LidarScan> scans = new ArrayList<>();
        List<Pose2D> scanPoses = new ArrayList<>();
        List<CameraFrame> frames = new ArrayList<>();
        List<AudioChunk> chunks = new ArrayList<>();
        try (Simulator sim = new Simulator(scenario)) {
            TickReadings t = sim.reset(1);
            LidarScan scan = null;
            Odometry odom = null;
            CameraFrame frame = null;
            AudioChunk audio = null;
            SplittableRandom rnd = new SplittableRandom(1);
            double bias = 0;
            int ticks = (int) (seconds * scenario.robot().controlRateHz());
            for (int k = 0; k < ticks; k++) {
                for (Stamped r : t.readings()) {
                    if (r instanceof LidarScan s) { scan = s; scans.add(s); scanPoses.add(sim.groundTruth()); }
                    else if (r instanceof Odometry o) odom = o;
                    else if (r instanceof CameraFrame f) { frame = f; frames.add(f); }
                    else if (r instanceof AudioChunk a) { audio = a; chunks.add(a); }
                }
                Observation.Builder b = Observation.at(t.stampNanos());
                if (scan != null) b.present(Modality.LIDAR, scan);
                if (odom != null) b.present(Modality.ODOMETRY, odom);
                if (frame != null) b.present(Modality.CAMERA, frame);
                if (audio != null) b.present(Modality.AUDIO, audio);
                Observation.Builder nb = Observation.at(t.stampNanos()); // lidar + odometry only, as in bench sim's loop
                if (scan != null) nb.present(Modality.LIDAR, scan);
                if (odom != null) nb.present(Modality.ODOMETRY, odom);
                blind.add(nb.build());
                observations.add(b.build());
                if (k % 40 == 0) bias = rnd.nextDouble(-0.6, 0.6);
                t = sim.step(VelocityCommand.of(sim.nowNanos(), LidarWander.command(scan, bias), 300_000_000L));
            }
        } catch (Exception e) {
            throw new IllegalStateException("bench world: simulation failed: " + e, e);
        }
        if (chunks.isEmpty()) chunks.add(syntheticChunk(observations.get(0).stampNanos()));
        out.printf(Locale.ROOT, "bench world: %s, %.0f s of wander: %d ticks, %d scans, %d camera frames, %d audio chunks%s%n",
                scenario.name(), seconds, observations.size(), scans.size(), frames.size(), chunks.size(),
                chunks.size() == 1 ? " (synthetic)" : "");

        WorldModelConfig config = WorldModelConfig.DEFAULTS;
        Pose2D mount = scenario.robot().lidar().mount();
        OccupancyGrid grid = new WorldModel(scenario.robot(), scenario.start(), config).grid();
        for (int i = 0; i < Math.min(200, scans.size()); i++) grid.integrate(scans.get(i), scanPoses.get(i).compose(mount));
        double integrate = perOp(3, scans.size(), i -> { grid.integrate(scans.get(i), scanPoses.get(i).compose(mount)); return 0; });
        LikelihoodField field = new LikelihoodField(grid, 0.1);
        field.update();
        ScanMatcher matcher = new ScanMatcher();
        int matches = Math.min(300, scans.size());
        double match = perOp(2, matches, i -> {
            Pose2D truth = scanPoses.get(i * scans.size() / matches);
            Pose2D guess = new Pose2D(truth.x() + 0.05, truth.y() - 0.04, truth.yaw() + 0.03);
            return (int) (1000 * matcher.match(field, scans.get(i * scans.size() / matches), mount, guess).score());
        });

        ScanMatcher gated = new ScanMatcher(0.1, Math.toRadians(3), 0.02, 4); // the facade's
        double matchGated = perOp(2, matches, i -> {
            Pose2D truth = scanPoses.get(i * scans.size() / matches);
            Pose2D guess = new Pose2D(truth.x() + 0.05, truth.y() - 0.04, truth.yaw() + 0.03);
            return (int) (1000 * gated.match(field, scans.get(i * scans.size() / matches), mount, guess).score());
        });
        double rebuild = perOp(3, 50, i -> {
            grid.setLogOdds(0, 0, (i & 1) == 0 ? 4f : -4f); // an occupied cell clears every other time: full rebuild
            field.update();
            return (int) field.rebuilds();
        });
        WorldModel[] wm = new WorldModel[1];
        double facade = perOp(3, 1, i -> {
            wm[0] = new WorldModel(scenario.robot(), scenario.start(), config);
            for (Observation o : observations) wm[0].update(o);
            return (int) wm[0].scansProcessed();
        }) / seconds;
        WorldModel w = wm[0];
        double facadeBlind = perOp(3, 1, i -> {
            WorldModel v = new WorldModel(scenario.robot(), scenario.start(), config);
            long stamp = 0;
            for (Observation o : blind) {
                v.update(o);
                if (o.stampNanos() >= stamp) { v.belief(o.stampNanos()); stamp = o.stampNanos() + 500_000_000L; }
            }
            return (int) v.scansProcessed();
        }) / seconds;
        Pose2D p = w.pose();
        int[] frontierCount = {0};
        double frontiers = perOp(3, 20, i -> {
            w.grid().setLogOdds(0, 0, (i & 1) == 0 ? 0f : 0.1f); // invalidate the cache: time the search itself
            frontierCount[0] = w.frontiers().size();
            return frontierCount[0];
        });
        SplittableRandom rnd = new SplittableRandom(2);
        double[][] goals = new double[200][];
        for (int i = 0; i < goals.length; i++) {
            double gx, gy;
            do {
                gx = p.x() + rnd.nextDouble(-8, 8);
                gy = p.y() + rnd.nextDouble(-8, 8);
            } while (!w.grid().isFreeAt(gx, gy));
            goals[i] = new double[] {gx, gy};
        }
        double freePath = perOp(3, goals.length, i -> w.isStraightPathFree(p.x(), p.y(), goals[i][0], goals[i][1], 0.2) ? 1 : 0);
        ObjectQuery q = new ObjectQuery("red", Shape.BOX, null);
        double nearest = perOp(3, 10_000, i -> w.nearestObject(q).isPresent() ? 1 : 0);
        int found = 0;
        for (int i = 0; i < 50; i++) if (w.plan(goals[i][0], goals[i][1], 0.1).isPresent()) found++;
        double plan = perOp(2, 50, i -> w.plan(goals[i][0], goals[i][1], 0.1).isPresent() ? 1 : 0);
        double perFrame = frames.isEmpty() ? Double.NaN : perOp(2, frames.size(), i -> {
            w.objects().observe(frames.get(i), scans.get(Math.min(scans.size() - 1, i * 2)), p);
            return 0;
        });
        double perChunk = perOp(2, chunks.size(), i -> { w.sounds().observe(chunks.get(i), p); return 0; });

        out.printf(Locale.ROOT, "  timed in thread CPU time: %s%n", THREADS.isCurrentThreadCpuTimeSupported() ? "yes" : "no (wall time)");
        out.printf(Locale.ROOT, "  grid %dx%d @ %.2f m; %d of %d scans processed by the motion gate (%.2f m / %.0f deg / %.1f s)%n",
                grid.width(), grid.height(), grid.resolution(), w.scansProcessed(), scans.size(), config.matchDistance(),
                Math.toDegrees(config.matchAngle()), config.scanInterval());
        row(out, "grid update, one scan", integrate);
        row(out, "scan match, default window", match);
        row(out, "scan match, facade's (+-0.1 m, 3 deg, 1/4)", matchGated);
        row(out, "likelihood field update (rebuilds)", rebuild);
        out.printf(Locale.ROOT, "  %-34s %10.3f ms per sim-second (%.0fx real time on its own)%n",
                "facade, lidar+odometry, 2 Hz belief", facadeBlind / 1e6, 1e9 / facadeBlind);
        out.printf(Locale.ROOT, "  %-34s %10.3f ms per sim-second (%.0fx real time on its own)%n",
                "facade, + camera 10 Hz", facade / 1e6, 1e9 / facade);
        row(out, "frontiers (" + frontierCount[0] + " found)", frontiers);
        row(out, "straight path free, up to 11 m", freePath);
        row(out, "nearest object (" + w.objects().objects().size() + " remembered)", nearest);
        row(out, "planner, free goals within 8 m (" + found + "/50)", plan);
        row(out, "object memory, one camera frame", perFrame);
        row(out, "sound map, one audio chunk", perChunk);
        out.flush();
    }

    private static void row(PrintWriter out, String what, double nanos) {
        out.printf(Locale.ROOT, "  %-34s %10.3f ms%n", what, nanos / 1e6);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Median over rounds of the mean ns per op; the first round also warms up. Timed in this
     * thread's CPU time where the JVM offers it: on a shared machine wall time counts the time
     * other processes held the core.
     */
    private static double perOp(int rounds, int ops, java.util.function.IntUnaryOperator op) {
        double[] r = new double[rounds + 1];
        long sink = 0;
        boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        for (int k = 0; k <= rounds; k++) {
            long t0 = cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            for (int i = 0; i < ops; i++) sink += op.applyAsInt(i);
            r[k] = ((cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t0) / (double) ops;
        }
        if (sink == Long.MIN_VALUE) System.out.print("");
        double[] kept = java.util.Arrays.copyOfRange(r, 1, r.length);
        java.util.Arrays.sort(kept);
        return kept[kept.length / 2];
    }

    private AudioChunk syntheticChunk(long stamp) {
        int rate = 16_000, frames = 1600;
        short[] s = new short[2 * frames];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < frames; i++) {
            short v = (short) (2000 * Math.sin(2 * Math.PI * 1000 * i / rate) + rnd.nextInt(-200, 200));
            s[2 * i] = v;
            s[2 * i + 1] = (short) (v / 2);
        }
        return new AudioChunk(new Header(stamp, "base_link"), rate, List.of("mic_left", "mic_right"), s);
    }
}
