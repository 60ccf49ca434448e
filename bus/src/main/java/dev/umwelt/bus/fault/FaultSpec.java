package dev.umwelt.bus.fault;

import dev.umwelt.bus.observation.Modality;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses the command-line form of a fault, {@code SENSOR:KIND[=ARG]@FROM-TO}, e.g.
 * {@code lidar:drop@10s-20s}, {@code camera:corrupt=black@5s-8s}, {@code lidar:noise=0.5@2s-4s},
 * {@code odometry:delay=0.3@1s-5s}, {@code audio:corrupt=clipped@2s-3s}. Times are seconds since the episode start, with an
 * optional {@code s} (or {@code ms}) suffix. Errors name the part that is wrong; numbers outside
 * {@link FaultLimits} are refused with their range.
 */
public final class FaultSpec {
    private FaultSpec() {}

    /** @throws IllegalArgumentException with a one-line message naming the bad part */
    public static Fault parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':'), at = t.lastIndexOf('@');
        if (colon < 0 || at < colon) {
            throw new IllegalArgumentException("'" + text + "': expected SENSOR:KIND[=ARG]@FROM-TO, e.g. lidar:drop@10s-20s");
        }
        Modality m = modality(t.substring(0, colon));
        String kindArg = t.substring(colon + 1, at);
        String kindName = kindArg.contains("=") ? kindArg.substring(0, kindArg.indexOf('=')) : kindArg;
        String arg = kindArg.contains("=") ? kindArg.substring(kindArg.indexOf('=') + 1) : null;
        Fault.Kind kind = kind(kindName);
        String[] window = t.substring(at + 1).split("-", -1);
        if (window.length != 2) throw new IllegalArgumentException("'" + t.substring(at + 1) + "': expected a time window FROM-TO, e.g. 10s-20s");
        double from = seconds(window[0], "start"), to = seconds(window[1], "end");
        double value = 0;
        Fault.Corruption corruption = null;
        switch (kind) {
            case NOISE, DELAY -> {
                if (arg == null) throw new IllegalArgumentException("'" + kindArg + "': " + Fault.name(kind) + " needs a value, e.g. "
                        + Fault.name(kind) + (kind == Fault.Kind.NOISE ? "=0.5" : "=0.3"));
                value = number(arg);
                String bad = kind == Fault.Kind.NOISE
                        ? FaultLimits.outside(arg.trim(), value, FaultLimits.MIN_SIGMA, FaultLimits.MAX_SIGMA, "")
                        : FaultLimits.outside(arg.trim(), value, FaultLimits.MIN_DELAY_S, FaultLimits.MAX_DELAY_S, "s");
                if (bad != null) throw new IllegalArgumentException("'" + kindArg + "': " + Fault.name(kind) + " " + bad);
            }
            case CORRUPT -> {
                if (arg == null) throw new IllegalArgumentException("'" + kindArg + "': corrupt needs a mode: " + names(Fault.Corruption.values()));
                corruption = corruption(arg);
            }
            default -> {
                if (arg != null) throw new IllegalArgumentException("'" + kindArg + "': " + kindName + " takes no value");
            }
        }
        try {
            return new Fault(m, kind, Fault.nanos(from), Fault.nanos(to), value, corruption);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
    }

    public static Modality modality(String s) {
        try {
            return Modality.fromKey(s.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + s + "': unknown sensor (known: lidar, camera, odometry, audio)");
        }
    }

    public static Fault.Kind kind(String s) {
        return lookup(Fault.Kind.class, s, "kind");
    }

    public static Fault.Corruption corruption(String s) {
        return lookup(Fault.Corruption.class, s, "corrupt mode");
    }

    private static <E extends Enum<E>> E lookup(Class<E> type, String s, String what) {
        for (E e : type.getEnumConstants()) {
            if (Fault.name(e).equals(s.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) return e;
        }
        throw new IllegalArgumentException("'" + s + "': unknown " + what + " (known: " + names(type.getEnumConstants()) + ")");
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Fault::name).collect(Collectors.joining(", "));
    }

    /** A time of the window, with its {@code s}/{@code ms} suffix, within [0, {@link FaultLimits#MAX_TIME_S}]. */
    private static double seconds(String s, String which) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (t.endsWith("ms")) {
            t = t.substring(0, t.length() - 2);
            scale = 1e-3;
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        double v = number(t.isEmpty() ? s : t) * scale;
        String bad = FaultLimits.outside(FaultLimits.text(v), v, 0, FaultLimits.MAX_TIME_S, "s");
        if (bad != null) throw new IllegalArgumentException("'" + s + "': " + which + " " + bad);
        return v;
    }

    private static double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "': not a number");
        }
    }
}
