package dev.umwelt.sim.bench;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.robot.LidarSpec;
import dev.umwelt.sim.Simulator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the lockstep simulator on {@link BenchWorld}: a scripted, deterministic wander
 * (forward with a seeded random turn rate, turning in place when the front lidar sector is
 * closer than {@value #CLEARANCE} m) drives {@link Simulator#step}, which computes every
 * physics substep and every scan. Wall time is read here only, never inside the simulator.
 *
 * <p>Run pinned to one core: {@code taskset -c 0 java -cp ... dev.umwelt.sim.bench.SimBenchmark}.
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
        SimBenchmark full = new SimBenchmark();
        // Physics and stepping only: the lidar slowed to one scan per hour (the reset scan).
        LidarSpec l = BenchWorld.robot().lidar();
        SimBenchmark physicsOnly = new SimBenchmark(BenchWorld.scenario(BenchWorld.robot().withLidar(new LidarSpec(
                l.mount(), 1.0 / 3600, l.beams(), l.angleMin(), l.angleMax(), l.rangeMin(), l.rangeMax(),
                l.noiseStddev(), l.dropoutProbability()))));
        // Several warm-up episodes: C2 recompiles the step loop after the first one or two.
        for (int i = 0; i < 3; i++) System.out.println("warm-up: " + full.run(warm / 3) + " | " + physicsOnly.run(warm / 3));
        Result best = null, bestPhysics = null;
        for (int i = 0; i < 5; i++) {
            Result r = full.run(measure);
            Result p = physicsOnly.run(measure);
            System.out.println("sim+lidar:    " + r);
            System.out.println("physics only: " + p);
            if (best == null || r.wallSeconds() < best.wallSeconds()) best = r;
            if (bestPhysics == null || p.wallSeconds() < bestPhysics.wallSeconds()) bestPhysics = p;
        }
        double perSimSecond = best.wallSeconds() / best.simSeconds() * 1e3;
        double physicsPerSimSecond = bestPhysics.wallSeconds() / bestPhysics.simSeconds() * 1e3;
        System.out.printf(Locale.ROOT, "best: %.0fx real time; %.3f ms wall per sim-second (physics+stepping %.3f ms,"
                        + " i.e. %.2f us per substep; lidar %.1f us per 360-beam scan)%n",
                best.realTimeFactor(), perSimSecond, physicsPerSimSecond,
                physicsPerSimSecond * 1e3 / (bestPhysics.physicsSteps() / bestPhysics.simSeconds()),
                (perSimSecond - physicsPerSimSecond) * 1e3 / (best.scans() / best.simSeconds()));
    }
}
