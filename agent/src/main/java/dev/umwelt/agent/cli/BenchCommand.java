package dev.umwelt.agent.cli;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.bench.LoopBenchmark;
import dev.umwelt.agent.bench.PolicyBenchmark;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.suite.GeneratedSuite;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.agent.suite.SuiteSummary;
import dev.umwelt.episodes.mcap.McapBenchmark;
import dev.umwelt.scenarios.generate.Split;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.sensors.sync.SyncBenchmark;
import dev.umwelt.sim.audio.AudioBenchmark;
import dev.umwelt.sim.render.RenderBenchmark;
import dev.umwelt.sim.render.RenderPath;
import dev.umwelt.sim.bench.BenchWorld;
import dev.umwelt.sim.bench.SimBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.scenarios.Scenario;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks that print their figures.",
                "  sim: sim-seconds per wall-second in the bench world (physics 100 Hz, 360-beam lidar 20 Hz) for",
                "       the simulator alone with scripted commands (also with a 128x96 camera at 10 Hz) and for",
                "       the full loop with the oracle through the bus; the default loop (the explorer with",
                "       camera, world model and safety chain, on generated ObjectNav episodes); then suite",
                "       throughput (generated ObjectNav, 2 threads) for the oracle and the explorer, in episodes",
                "       per hour of 60 s episodes. Pin to one core for the single-core figures: taskset -c 0",
                "       ./umwelt bench sim",
                "  render: ms per camera frame (render + read-back) at 128x96 and 320x240 in the bench world,",
                "       instanced beside a plain one-draw-call-per-object reference.",
                "  log: episode-log (MCAP) throughput: writes in MB/s and messages/s, uncompressed and zstd, and",
                "       streamed reads in messages/s; 100k messages of 1-3 KB on 4 channels, production options,",
                "       a temp file.",
                "  sensors: observation build cost per tick, synchronizer cost per set, audio simulation and",
                "       feature cost per second of audio.",
                "  ros: LaserScan messages/s and round-trip latency through the ROS bridge beside rospy",
                "       (tools/ros/bench_rospy.py) on the same machine in the same run; starts its own roscore.",
                "  world: world-model costs on 60 s of simulated readings (apartment-find-red-box, camera on):",
                "       grid update per scan, scan match, the whole motion-gated facade per sim-second,",
                "       frontiers, straight path, nearest object, planner, object memory per frame, sound map per",
                "       chunk (--seconds caps the drive).",
                "  faults: the fault table: every fault kind on every sensor (camera, lidar, odometry, audio),",
                "       each in its own short episode of kitchen-beeping-alarm (or --scenario) with the explorer:",
                "       reason, detection latency against its documented bound, recovery, false faults on other",
                "       sensors.",
                "  policy: the learned policy (--model DIR, default " + dev.umwelt.agent.Policies.DEFAULT_MODEL + ", else the test model):",
                "       one query's latency p50/p99 at batch 1 on one ONNX Runtime intra-op thread over the",
                "       inputs of a simulated episode, PyTorch eager beside it (/usr/bin/python3 with torch), the",
                "       text encoder per sentence, and the VLA loop beside the explorer's in real-time factor on",
                "       the same generated ObjectNav episodes (or --scenario). Pin to one core: taskset -c 0",
                "       ./umwelt bench policy"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = "--seconds", defaultValue = "300", description = "Simulated seconds per measured run, 1 to 3600 (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs, 1 to 100; the median is reported (default: ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--warmup", defaultValue = "600", description = "Simulated seconds of JIT warm-up per part, 0 to 3600 (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--scenario", paramLabel = "FILE", description = "bench faults: the scenario (default: the catalog's "
            + "kitchen-beeping-alarm); bench policy: where the loops run (default: generated ObjectNav test episodes).")
    java.nio.file.Path scenario;

    @Option(names = "--model", paramLabel = "DIR", description = "bench policy: the model directory (default: "
            + dev.umwelt.agent.Policies.DEFAULT_MODEL + "; before one has shipped, the test model " + PolicyBenchmark.TEST_MODEL + ").")
    java.nio.file.Path model;

    enum What { sim, render, sensors, log, world, ros, faults, policy }

    /** The camera of the `bench sim` camera figure: the catalog turtle's. */
    static final CameraSpec BENCH_CAMERA = new CameraSpec(0.1, 0, 0.3, Math.toRadians(5), 10, 128, 96, Math.toRadians(90));

    @Override
    public Integer call() {
        FlagBounds.check("--seconds", seconds, 1, FlagBounds.MAX_BENCH_SECONDS);
        FlagBounds.check("--runs", runs, 1, FlagBounds.MAX_BENCH_RUNS);
        FlagBounds.check("--warmup", warmup, 0, FlagBounds.MAX_BENCH_SECONDS);
        PrintWriter out = spec.commandLine().getOut();
        if (what == What.policy) {
            PolicyBenchmark.Episodes episodes = scenario != null ? PolicyBenchmark.Episodes.of(ScenarioLoader.load(scenario))
                    : PolicyBenchmark.Episodes.generated();
            PolicyBenchmark.run(out, PolicyBenchmark.choose(Umwelt.home(), model), episodes, seconds, warmup, (int) runs, Umwelt.home());
            return Umwelt.EXIT_OK;
        }
        if (model != null) throw new BadInputException("--model: only bench policy reads a model (bench " + what + ")");
        if (what == What.render) return render(out);
        if (what == What.log) return log(out);
        if (what == What.sensors) return sensors(out);
        if (what == What.world) {
            Scenario world = ScenarioLoader.load(Umwelt.home().resolve("scenarios/catalog/apartment-find-red-box.yaml"));
            new dev.umwelt.agent.bench.WorldBenchmark(world, Math.min(seconds, 60)).run(out);
            return Umwelt.EXIT_OK;
        }
        if (what == What.faults) {
            Scenario s = ScenarioLoader.load(scenario != null ? scenario
                    : Umwelt.home().resolve("scenarios/catalog/kitchen-beeping-alarm.yaml"));
            dev.umwelt.agent.bench.FaultTable.print(out, dev.umwelt.agent.bench.FaultTable.run(s, "explorer",
                    Math.max(1, Runtime.getRuntime().availableProcessors())));
            return Umwelt.EXIT_OK;
        }
        if (what == What.ros) {
            out.println("bench ros: 360-beam LaserScan through TCPROS on loopback, the bridge beside rospy");
            try {
                dev.umwelt.agent.ros.RosBenchmark.run(Umwelt.home(), 3.0, 1000, out);
            } catch (Exception e) {
                throw new IllegalStateException("bench ros failed: " + e.getMessage(), e);
            }
            return Umwelt.EXIT_OK;
        }
        out.printf(Locale.ROOT, "bench sim: %s; %d processors available%n", BenchWorld.DESCRIPTION,
                Runtime.getRuntime().availableProcessors());
        out.flush();

        SimBenchmark core = new SimBenchmark();
        // Short runs: C2 recompiles the step loop after the first few episodes, and under taskset the
        // compiler threads share the benchmark's core.
        for (double done = 0; done < warmup; done += 40) core.run(Math.min(40, warmup - done));
        double simLidar = median(out, "sim + lidar, scripted commands", () -> {
            SimBenchmark.Result r = core.run(seconds);
            return new Figure(r.realTimeFactor(), r.toString());
        });

        SimBenchmark withCamera = new SimBenchmark(BenchWorld.scenario(BenchWorld.robot().withCamera(BENCH_CAMERA)));
        withCamera.run(Math.min(60, Math.max(warmup / 10, 1)));
        double simCamera = median(out, "sim + lidar + camera 128x96 @ 10 Hz", () -> {
            SimBenchmark.Result r = withCamera.run(seconds / 5);
            return new Figure(r.realTimeFactor(), r.toString());
        });

        double loop, defaultLoop;
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            loop = loop(out, runner, new LoopBenchmark(BenchWorld.scenario(), "oracle"), "full loop, oracle through the bus");
            // The loop a user runs: the default policy reading the camera, the world model, the safety chain, on
            // bench policy's generated ObjectNav episodes (in the bench world the explorer has no point it can read).
            PolicyBenchmark.Episodes generated = PolicyBenchmark.Episodes.generated();
            defaultLoop = loop(out, runner, new LoopBenchmark(i -> PolicyBenchmark.spec(generated.measured().apply(i),
                    DEFAULT_POLICY, DEFAULT_LOOP_EPISODE_SECONDS), () -> Policies.create(DEFAULT_POLICY)),
                    "default loop, explorer, objectnav");
        }
        SuiteThroughput suite = suiteThroughput(out, "oracle");
        SuiteThroughput defaultSuite = suiteThroughput(out, DEFAULT_POLICY);
        out.printf(Locale.ROOT, "%nsim + lidar: %.0fx real time (target >= 1000x on one core)%n", simLidar);
        out.printf(Locale.ROOT, "with camera: %.0fx real time (target >= 100x on one core)%n", simCamera);
        out.printf(Locale.ROOT, "full loop:   %.0fx real time (target >= 200x on one core)%n", loop);
        out.printf(Locale.ROOT, "default loop: %.0fx real time (explorer with the camera, world model and safety chain, generated objectnav;"
                + " target >= 250x per core)%n", defaultLoop);
        printSuite(out, "oracle", suite);
        printSuite(out, DEFAULT_POLICY, defaultSuite);
        out.flush();
        return Umwelt.EXIT_OK;
    }

    private int render(PrintWriter out) {
        RenderBenchmark.Figures f = RenderBenchmark.run();
        out.printf(Locale.ROOT, "bench render: %s; %s; ms per frame (render + read-back), median (p90)%n", f.context(), f.world());
        out.printf(Locale.ROOT, "  %-10s %-18s %-18s%n", "size", "instanced", "reference (1 draw/object)");
        for (int[] size : new int[][] {{128, 96}, {320, 240}}) {
            RenderBenchmark.Row fast = row(f, RenderPath.INSTANCED, size[0]), ref = row(f, RenderPath.REFERENCE, size[0]);
            out.printf(Locale.ROOT, "  %-10s %-18s %-18s%n", size[0] + "x" + size[1],
                    String.format(Locale.ROOT, "%.3f (%.3f)", fast.medianMs(), fast.p90Ms()),
                    String.format(Locale.ROOT, "%.3f (%.3f)", ref.medianMs(), ref.p90Ms()));
        }
        out.printf(Locale.ROOT, "%ninstanced 128x96: %.3f ms per frame (target <= 0.75 ms)%n", f.ms(RenderPath.INSTANCED, 128));
        out.flush();
        return Umwelt.EXIT_OK;
    }

    private int log(PrintWriter out) {
        out.printf(Locale.ROOT, "bench log: %d messages of 1-3 KB on 4 channels, production options, third of three rounds%n",
                McapBenchmark.DEFAULT_MESSAGES);
        out.flush();
        List<McapBenchmark.Row> rows;
        try {
            rows = McapBenchmark.run(McapBenchmark.DEFAULT_MESSAGES);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("bench log: cannot write its temp file: " + e.getMessage(), e);
        }
        for (McapBenchmark.Row r : rows) out.println("  " + r);
        McapBenchmark.Row plain = rows.stream().filter(r -> r.compression().equals("none")).findFirst().orElseThrow();
        out.printf(Locale.ROOT, "%nuncompressed writes: %.0f MB/s (target >= 300 MB/s)%n", plain.writeMbPerS());
        out.flush();
        return Umwelt.EXIT_OK;
    }

    private int sensors(PrintWriter out) {
        out.println("bench sensors: observation building, ApproximateTime synchronization, simulated audio and features");
        SyncBenchmark.Result build = SyncBenchmark.observationBuilder(2000, 5, 5);
        out.printf(Locale.ROOT, "  %-30s %9.0f ns per tick (%d ticks at 50 Hz; camera, lidar, odometry arriving out of order)%n",
                "observation build", build.nsPerOp(), build.operations());
        SyncBenchmark.Result sync = SyncBenchmark.synchronizer(2000, 5, 5);
        out.printf(Locale.ROOT, "  %-30s %9.0f ns per set (%d sets; 3 streams at 20/10/50 Hz with jitter)%n",
                "ApproximateTime synchronizer", sync.nsPerOp(), sync.operations());
        AudioBenchmark.Result audio = AudioBenchmark.run(20);
        out.printf(Locale.ROOT, "  %-30s %9.2f ms per second of audio (%.0fx real time; 3 emitters, 60 walls, 2 mics)%n",
                "audio simulation", audio.simMsPerAudioSecond(), 1000 / audio.simMsPerAudioSecond());
        out.printf(Locale.ROOT, "  %-30s %9.2f ms per second of audio (%.0fx real time; both channels)%n",
                "log-mel + GCC-PHAT bearing", audio.featuresMsPerAudioSecond(), 1000 / audio.featuresMsPerAudioSecond());
        out.flush();
        return Umwelt.EXIT_OK;
    }

    private static RenderBenchmark.Row row(RenderBenchmark.Figures f, RenderPath path, int width) {
        return f.rows().stream().filter(r -> r.path() == path && r.width() == width).findFirst().orElseThrow();
    }

    static final int SUITE_THREADS = 2;
    static final int SUITE_EPISODES = 40;

    private record Figure(double realTimeFactor, String line) {}

    /** Episodes per hour; normalized to 60 s episodes by simulated time (episodes end at their STOP). */
    private record SuiteThroughput(int episodes, double simSeconds, double wallSeconds) {
        double perHour() { return episodes * 3600 / wallSeconds; }
        double perHourOf60s() { return simSeconds / 60 * 3600 / wallSeconds; }
        double meanEpisodeSeconds() { return simSeconds / episodes; }
    }

    private static void printSuite(PrintWriter out, String policy, SuiteThroughput t) {
        out.printf(Locale.ROOT, "suite:       %.0f episodes/hour of 60 s episodes, %s on %d threads"
                + " (%.0f episodes/hour measured at %.1f s mean episode length)%n", t.perHourOf60s(), policy, SUITE_THREADS,
                t.perHour(), t.meanEpisodeSeconds());
    }

    /** The policy a user gets from {@code run}, {@code demo} and {@code suite} without {@code --policy}. */
    static final String DEFAULT_POLICY = "explorer";
    /** The default loop's episodes end here at the latest, as bench policy's do. */
    static final double DEFAULT_LOOP_EPISODE_SECONDS = 60;

    /** {@code bench}'s episodes after the warm-up, the median of {@code runs} real-time factors. */
    private double loop(PrintWriter out, EpisodeRunner runner, LoopBenchmark bench, String label) {
        if (warmup > 0) bench.run(runner, warmup, 1_000);
        long[] seed = {1};
        return median(out, label, () -> {
            LoopBenchmark.Result r = bench.run(runner, seconds, seed[0]);
            seed[0] += r.episodes();
            return new Figure(r.realTimeFactor(), r.toString());
        });
    }

    /** A generated ObjectNav suite (test split) with {@code policy}, the way `suite --generate` runs it. */
    private SuiteThroughput suiteThroughput(PrintWriter out, String policy) {
        GeneratedSuite suite = GeneratedSuite.generate(SUITE_EPISODES, 0, Split.TEST, "objectnav");
        long begin = System.nanoTime();
        List<SuiteOutcome> outcomes = new SuiteRunner(SUITE_THREADS).run(suite.entries(), policy, null);
        double wall = (System.nanoTime() - begin) / 1e9;
        double sim = SuiteSummary.of(outcomes).simSeconds();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < SUITE_THREADS) {
            out.printf(Locale.ROOT, "  (only %d processor available: the suite's %d threads share it; run without taskset"
                    + " for the suite figure)%n", cpus, SUITE_THREADS);
        }
        out.printf(Locale.ROOT, "  %-36s %d episodes, %.0f sim-s in %.2f wall-s on %d threads%n",
                "suite, generated objectnav, " + policy, outcomes.size(), sim, wall, SUITE_THREADS);
        out.flush();
        return new SuiteThroughput(outcomes.size(), sim, wall);
    }

    private double median(PrintWriter out, String label, Supplier<Figure> run) {
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Figure f = run.get();
            figures.add(f);
            out.printf(Locale.ROOT, "  %-36s %s%n", label, f.line());
            out.flush();
        }
        figures.sort(Comparator.comparingDouble(Figure::realTimeFactor));
        return figures.get(figures.size() / 2).realTimeFactor();
    }
}
