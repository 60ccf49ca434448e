package dev.umwelt.sensors.sync;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.sensors.observation.ObservationBuilder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cost of the synchronizer per emitted set (3 streams at 20, 10 and 50 Hz, stamp jitter of 10 %
 * of a period, 0-20 ms transport delay so arrivals interleave out of stamp order across streams)
 * and of the ObservationBuilder per 50 Hz tick. A plain timing loop, not JMH: warm-up rounds,
 * then the best of a few measured rounds. Run: {@code java -cp ... dev.umwelt.sensors.sync.SyncBenchmark}.
 */
public final class SyncBenchmark {
    private static final long SECOND = 1_000_000_000L;
    private static final double[] RATES_HZ = {20, 10, 50};

    /** What one measured round did. */
    public record Result(String what, long operations, double nsPerOp) {
        @Override
        public String toString() {
            return String.format("%-40s %10d ops %10.1f ns/op", what, operations, nsPerOp);
        }
    }

    private record Arrival(int stream, Stamped reading, long arrivalNanos) {}

    private SyncBenchmark() {}

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        System.out.println(synchronizer(seconds, 5, 5));
        System.out.println(observationBuilder(seconds, 5, 5));
    }

    /** Readings of {@code seconds} simulated seconds, in arrival order. */
    private static List<Arrival> arrivals(int seconds, boolean camera) {
        Random rnd = new Random(42);
        List<Arrival> out = new ArrayList<>();
        for (int s = 0; s < RATES_HZ.length; s++) {
            long period = Math.round(SECOND / RATES_HZ[s]);
            long prev = Long.MIN_VALUE;
            for (long k = 0; k < seconds * (long) RATES_HZ[s]; k++) {
                long stamp = Math.max(prev + 1, k * period + (long) ((rnd.nextDouble() * 2 - 1) * period / 10));
                prev = stamp;
                Stamped r = camera && s == 0
                        ? new CameraFrame(new Header(stamp, Frames.CAMERA), 1, 1, new byte[3])
                        : Odometry.of(stamp, new Pose2D(k, 0, 0), Twist2D.ZERO);
                // Same delay within a stream keeps it in order; streams differ, so they interleave.
                out.add(new Arrival(s, r, stamp + (s * 7 + rnd.nextInt(3)) * 1_000_000L));
            }
        }
        out.sort(Comparator.comparingLong(Arrival::arrivalNanos));
        return out;
    }

    /** ns per emitted set, best of {@code rounds} after {@code warmups}. */
    public static Result synchronizer(int seconds, int warmups, int rounds) {
        List<Arrival> in = arrivals(seconds, false);
        double best = Double.MAX_VALUE;
        long sets = 0;
        for (int round = 0; round < warmups + rounds; round++) {
            var sync = new ApproximateTimeSynchronizer<Stamped>(RATES_HZ.length, 64);
            long count = 0, t0 = System.nanoTime();
            for (Arrival a : in) count += sync.offer(a.stream, a.reading).size();
            count += sync.flush().size();
            long dt = System.nanoTime() - t0;
            if (round >= warmups) best = Math.min(best, (double) dt / count);
            sets = count;
        }
        return new Result("ApproximateTimeSynchronizer per set", sets, best);
    }

    /** ns per tick (accepting the readings that arrived since the last tick, then building). */
    public static Result observationBuilder(int seconds, int warmups, int rounds) {
        List<Arrival> in = arrivals(seconds, true);
        long tickPeriod = SECOND / 50;
        double best = Double.MAX_VALUE;
        long ticks = 0;
        long sink = 0;
        for (int round = 0; round < warmups + rounds; round++) {
            var b = ObservationBuilder.forRates(Map.of(Modality.CAMERA, 20.0, Modality.ODOMETRY, 50.0), 3);
            long count = 0, t0 = System.nanoTime();
            int next = 0;
            for (long tick = 0; tick < seconds * SECOND; tick += tickPeriod) {
                while (next < in.size() && in.get(next).arrivalNanos <= tick) b.accept(in.get(next++).reading);
                sink += b.build(tick, null).stampNanos();
                count++;
            }
            long dt = System.nanoTime() - t0;
            if (round >= warmups) best = Math.min(best, (double) dt / count);
            ticks = count;
        }
        if (sink == 42) System.out.print(""); // keeps the builds observable to the JIT
        return new Result("ObservationBuilder per tick", ticks, best);
    }
}
