package dev.umwelt.agent.cli;

import dev.umwelt.scenarios.generate.Split;

import java.math.BigDecimal;

/**
 * The documented range of every numeric flag (root README, "The command line"). A value outside
 * is bad input, one line naming the flag: {@code --threads: 100000 outside [1, 256]}.
 */
final class FlagBounds {
    /** {@code --speed} of run, demo, replay and ros sim: simulated (or recorded) seconds per wall second. */
    static final double MIN_SPEED = 0.01, MAX_SPEED = 1000;
    /** {@code suite --threads}: one event loop and one episode in flight each. */
    static final long MAX_THREADS = 256;
    /** {@code suite --generate}. */
    static final long MAX_GENERATED = 100_000;
    /** {@code bench --seconds} and {@code --warmup} (simulated seconds), {@code --runs}. */
    static final double MAX_BENCH_SECONDS = 3600;
    static final long MAX_BENCH_RUNS = 100;

    private FlagBounds() {}

    static double check(String flag, double value, double min, double max) {
        if (!(value >= min && value <= max)) throw new BadInputException(flag + ": " + outside(value, min, max));
        return value;
    }

    static long check(String flag, long value, long min, long max) {
        if (value < min || value > max) throw new BadInputException(flag + ": " + outside(value, min, max));
        return value;
    }

    /** A generator seed: scenarios SEED .. SEED + count - 1 must all lie in a split's seed range. */
    static long generatorSeed(String flag, long seed, long count) {
        long max = Split.SEEDS_PER_SPLIT - count;
        if (seed < 0 || seed > max) {
            throw new BadInputException(flag + ": " + outside(seed, 0, max) + (count > 1 ? " with --generate " + count : ""));
        }
        return seed;
    }

    static double speed(String flag, double value) {
        return check(flag, value, MIN_SPEED, MAX_SPEED);
    }

    static String outside(double value, double min, double max) {
        return format(value) + " outside [" + format(min) + ", " + format(max) + "]";
    }

    static String outside(long value, long min, long max) {
        return value + " outside [" + min + ", " + max + "]";
    }

    /** 1000 as "1000", 0.01 as "0.01", 1e-9 as "1.0E-9": short, and exact enough to see why it was refused. */
    static String format(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15) return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return Double.toString(v);
    }
}
