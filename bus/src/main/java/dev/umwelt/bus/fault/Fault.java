package dev.umwelt.bus.fault;

import dev.umwelt.bus.observation.Modality;

import java.util.Locale;
import java.util.Objects;

/**
 * One injected sensor fault: what happens to a modality's readings stamped in
 * {@code [fromNanos, toNanos)} of sim time since the episode start. {@code value} is the
 * kind's parameter: NOISE the Gaussian sigma (metres for lidar, 8-bit levels for the camera,
 * 16-bit PCM levels for audio), DELAY the delay in seconds; unused otherwise. {@code corruption} is set only for CORRUPT.
 */
public record Fault(Modality modality, Kind kind, long fromNanos, long toNanos, double value, Corruption corruption) {
    public enum Kind { DROP, FREEZE, DELAY, NOISE, CORRUPT }

    /**
     * How a CORRUPT fault damages readings: NAN, NEGATIVE for lidar; BLACK, ONE_COLOUR for the camera;
     * CLIPPED (every sample at full scale) for audio; WRONG_SIZE for all three.
     */
    public enum Corruption { NAN, NEGATIVE, WRONG_SIZE, BLACK, ONE_COLOUR, CLIPPED }

    public Fault {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(kind, "kind");
        if (fromNanos < 0) throw new IllegalArgumentException("start must not be negative: " + fromNanos / 1e9 + " s");
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("end (" + toNanos / 1e9 + " s) must be after start (" + fromNanos / 1e9 + " s)");
        }
        boolean images = modality == Modality.CAMERA, scans = modality == Modality.LIDAR, sound = modality == Modality.AUDIO;
        if (!images && !scans && !sound && modality != Modality.ODOMETRY) {
            throw new IllegalArgumentException("faults apply to lidar, camera, odometry and audio, not " + modality.key());
        }
        switch (kind) {
            case NOISE -> {
                if (!images && !scans && !sound) throw new IllegalArgumentException("noise applies to lidar, camera and audio, not " + modality.key());
                if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException("noise needs a positive sigma: " + value);
            }
            case DELAY -> {
                if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException("delay needs a positive number of seconds: " + value);
            }
            case CORRUPT -> {
                if (corruption == null) throw new IllegalArgumentException("corrupt needs a mode (nan, negative, wrong-size, black, one-colour, clipped)");
                boolean ok = switch (corruption) {
                    case NAN, NEGATIVE -> scans;
                    case BLACK, ONE_COLOUR -> images;
                    case CLIPPED -> sound;
                    case WRONG_SIZE -> scans || images || sound;
                };
                if (!ok) throw new IllegalArgumentException("corrupt=" + name(corruption) + " does not apply to " + modality.key());
            }
            default -> { }
        }
        if (kind != Kind.CORRUPT && corruption != null) throw new IllegalArgumentException(name(kind) + " takes no corruption mode");
    }

    public static Fault of(Modality modality, Kind kind, double fromSeconds, double toSeconds) {
        return new Fault(modality, kind, nanos(fromSeconds), nanos(toSeconds), 0, null);
    }

    /** Whether a reading stamped {@code sinceStartNanos} after the episode start is affected. */
    public boolean covers(long sinceStartNanos) {
        return sinceStartNanos >= fromNanos && sinceStartNanos < toNanos;
    }

    public long delayNanos() {
        return kind == Kind.DELAY ? nanos(value) : 0;
    }

    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }

    /** Lower case with '-' for '_', as the command line and YAML spell it. */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The command-line form, e.g. {@code lidar:noise=0.5@2s-4s}. */
    @Override
    public String toString() {
        String arg = switch (kind) {
            case NOISE, DELAY -> "=" + value;
            case CORRUPT -> "=" + name(corruption);
            default -> "";
        };
        return modality.key() + ":" + name(kind) + arg + "@" + fromNanos / 1e9 + "s-" + toNanos / 1e9 + "s";
    }
}
