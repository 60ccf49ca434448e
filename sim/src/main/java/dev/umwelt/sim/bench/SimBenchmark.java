package dev.umwelt.sim.bench;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.sim.Simulator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the lockstep simulator on {@link BenchWorld}: a scripted, deterministic wander
 * (forward with a seeded random turn rate, turning in place when the front lidar sector is
 * closer than {@value #CLEARANCE} m) drives {@link Simulator#step}, which computes every
 * physics substep and every scan. Wall time is read here only, never inside the simulator.
 *
 * <p>Run pinned to one core: {@code taskset -c 0 java -cp ... dev.umwelt.sim.bench.SimBenchmark [warmSimSeconds]
 * [measureSimSeconds] [runs]}.
 */
public final class SimBenchmark {
    static final double CLEARANCE = 0.7;
    static final long SEED = 42;

    /** Figures of one run. realTimeFactor is sim-seconds per wall-second. */
    public record Result(double simSeconds, double wallSeconds, double realTimeFactor, long physicsSteps,
                         long scans, int collisions) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f sim-s in %.3f wall-s: %.0fx real time, %d physics steps, %d scans,"
                    + " %d collisions", simSeconds, wallSeconds, realTimeFactor, physicsSteps, scans, collisions);
        }
    }

    private final Scenario scenario;

    public SimBenchmark() {
        this(BenchWorld.scenario());
    }

    public SimBenchmark(Scenario scenario) {
        this.scenario = scenario;
    }

    public Result run(double simSeconds) {
        try (Simulator sim = new Simulator(scenario)) {
            long ticks = Math.round(simSeconds * scenario.robot().controlRateHz());
            long timeout = scenario.robot().commandTimeoutNanos();
            SplittableRandom wander = new SplittableRandom(SEED);
            long begin = System.nanoTime();
            TickReadings t = sim.reset(SEED);
            long scans = 1;
            LidarScan scan = t.latest(LidarScan.class);
            double turn = 0;
            for (long k = 0; k < ticks; k++) {
                if (k % 20 == 0) turn = wander.nextDouble(-0.8, 0.8);
                Twist2D twist = decide(scan, turn);
                t = sim.step(VelocityCommand.of(sim.nowNanos(), twist, timeout));
                LidarScan latest = t.latest(LidarScan.class);
                if (latest != null) {
                    scan = latest;
                    for (var r : t.readings()) if (r instanceof LidarScan) scans++;
                }
            }
            double wall = (System.nanoTime() - begin) / 1e9;
            double simS = ticks / scenario.robot().controlRateHz();
            return new Result(simS, wall, simS / wall, ticks * sim.substepsPerTick(), scans, sim.collisions());
        }
    }

    /** Forward unless the front +-30 degrees are close; then turn toward the freer side. */
    static Twist2D decide(LidarScan scan, double wanderTurn) {
        double front = sector(scan, -Math.PI / 6, Math.PI / 6);
        if (front > CLEARANCE) return new Twist2D(0.6, wanderTurn);
        double left = sector(scan, Math.PI / 6, Math.PI / 2), right = sector(scan, -Math.PI / 2, -Math.PI / 6);
        return new Twist2D(0, left >= right ? 1.5 : -1.5);
    }

    /** The nearest valid return between two laser-frame angles (+Inf counts as far, -Inf as 0). */
    static double sector(LidarScan scan, double from, double to) {
        int first = Math.max(0, (int) Math.ceil((from - scan.angleMin()) / scan.angleIncrement()));
        int last = Math.min(scan.beams() - 1, (int) Math.floor((to - scan.angleMin()) / scan.angleIncrement()));
        double min = Double.POSITIVE_INFINITY;
        float[] ranges = scan.ranges();
        for (int i = first; i <= last; i++) {
            float r = ranges[i];
            if (Float.isNaN(r)) continue;
            min = Math.min(min, r == Float.NEGATIVE_INFINITY ? 0 : r);
        }
        return min;
    }

    public static void main(String[] args) {
        double warm = args.length > 0 ? Double.parseDouble(args[0]) : 120; // C2 needs ~2 runs to settle
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 300;
        SimBenchmark fullSim = new SimBenchmark();
        // Physics and stepping only: the lidar slowed to one scan per hour (the reset scan).
        LidarSpec l = BenchWorld.robot().lidar();
        SimBenchmark physicsOnly = new SimBenchmark(BenchWorld.scenario(BenchWorld.robot().withLidar(new LidarSpec(
                l.mount(), 1.0 / 3600, l.beams(), l.angleMin(), l.angleMax(), l.rangeMin(), l.rangeMax(),
                l.noiseStddev(), l.dropoutProbability()))));
        // Several warm-up episodes: C2 recompiles the step loop after the first one or two.
        for (int i = 0; i < 3; i++) System.out.println("warm-up: " + fullSim.run(warm / 3) + " | " + physicsOnly.run(warm / 3));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        double[] full = new double[runs], phys = new double[runs]; // wall ms per sim-second
        double[] cpu = new double[runs]; // thread CPU ms per sim-second of sim+lidar (robust to a busy machine)
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Result last = null, lastPhysics = null;
        for (int i = 0; i < runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            last = fullSim.run(measure);
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / last.simSeconds();
            lastPhysics = physicsOnly.run(measure);
            System.out.println("sim+lidar:    " + last);
            System.out.println("physics only: " + lastPhysics);
            full[i] = last.wallSeconds() / last.simSeconds() * 1e3;
            phys[i] = lastPhysics.wallSeconds() / lastPhysics.simSeconds() * 1e3;
        }
        // Medians (the machine is shared: report the spread, not only the best run).
        double substepsPerSimSecond = lastPhysics.physicsSteps() / lastPhysics.simSeconds();
        double scansPerSimSecond = last.scans() / last.simSeconds();
        double[] lidar = new double[runs];
        for (int i = 0; i < runs; i++) lidar[i] = full[i] - phys[i];
        System.out.printf(Locale.ROOT, "median of %d: %.0fx real time (runs %.0fx-%.0fx); %.3f ms wall per sim-second;"
                        + " physics+stepping %.2f us per substep (%.2f-%.2f); lidar %.1f us per %d-beam scan, %.0f ns per beam%n",
                runs, 1e3 / median(full), 1e3 / max(full), 1e3 / min(full), median(full),
                median(phys) * 1e3 / substepsPerSimSecond, min(phys) * 1e3 / substepsPerSimSecond,
                max(phys) * 1e3 / substepsPerSimSecond,
                median(lidar) * 1e3 / scansPerSimSecond, l.beams(), median(lidar) * 1e6 / scansPerSimSecond / l.beams());
        System.out.printf(Locale.ROOT, "sim+lidar by thread CPU time: median %.0fx real time (runs %.0fx-%.0fx)%n",
                1e3 / median(cpu), 1e3 / max(cpu), 1e3 / min(cpu));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] xs) {
        return java.util.Arrays.stream(xs).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return java.util.Arrays.stream(xs).max().orElse(Double.NaN);
    }
}
