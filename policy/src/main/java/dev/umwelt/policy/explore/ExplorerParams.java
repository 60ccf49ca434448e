package dev.umwelt.policy.explore;

import dev.umwelt.bus.yaml.Bound;
import dev.umwelt.bus.yaml.YamlMap;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A policy file's {@code params} for the explorer ({@code policy: explorer}): every key optional,
 * named as {@link ExplorerConfig}'s fields, each within its range below; an unknown key is
 * refused with the nearest known one, a value out of range with the range, each as
 * {@code file:line: params.key: problem} ({@link dev.umwelt.bus.yaml.ScenarioException}).
 */
public final class ExplorerParams {
    private ExplorerParams() {}

    private static Bound m(String key, double min, double max, String why) {
        return Bound.of("params." + key, min, max, "m", why);
    }

    private static Bound s(String key, double min, double max, String why) {
        return Bound.of("params." + key, min, max, "s", why);
    }

    private static Bound of(String key, double min, double max, String unit, String why) {
        return Bound.of("params." + key, min, max, unit, why);
    }

    private static Bound whole(String key, long min, long max, String why) {
        return Bound.whole("params." + key, min, max, "", why);
    }

    /** The range of every field, in {@link ExplorerConfig}'s order. */
    public static final List<Bound> BOUNDS = List.of(
            of("lookRate", 0.1, 20, "rad/s", "the robot's own limit clamps it"),
            m("lookSpacing", 0, 50, "0: look at every reached frontier"),
            of("rotateInPlace", 5, 180, "degrees", "180: never turn on the spot"),
            m("lookaheadBase", 0, 2, "added to the clearance beyond the footprint"),
            m("minLookahead", 0.05, 5, "the carrot must lie ahead"),
            m("maxLookahead", 0.05, 5, "at least minLookahead"),
            m("fullSpeedClearance", 0.01, 5, "a divisor"),
            of("minSpeedScale", 0.01, 1, "", "a fraction of the top speed"),
            of("recoverSpeed", 0, 2, "m/s", "the robot's own limit clamps it"),
            s("recoverSeconds", 0, 10, "0: no reversing"),
            s("replanSeconds", 0.05, 60, "a plan costs milliseconds"),
            m("offRoute", 0.05, 5, "below the pose's noise it replans every tick"),
            s("stallSeconds", 0.5, 120, "how long before stuck"),
            m("stallProgress", 0.01, 5, "headway that counts"),
            m("hardMargin", 0, 1, "clearance beyond the footprint"),
            m("squeezeMargin", 0, 1, "at most hardMargin to mean anything"),
            m("preferredMargin", 0, 2, "beyond the inflation radius"),
            of("unknownCost", 1, 100, "", "times a free cell's; 1: unknown is as good as free"),
            whole("frontierMinCells", 1, 10_000, "cells of 0.05 m"),
            of("frontierSizeBonus", 0, 10, "m/m", "path metres per metre of frontier"),
            m("keepRadius", 0, 10, "0: no hysteresis"),
            m("keepBonus", 0, 20, "path metres"),
            of("turnCost", 0, 10, "m/rad", "path metres per radian"),
            of("soundPull", 0, 10, "m/m", "path metres per metre from the fit"),
            m("setAsideRadius", 0, 10, "around a place set aside"),
            whole("retries", 0, 100, "tries of the places set aside"),
            m("viewRange", 0.1, 20, "up to the lidar's range in practice"),
            of("viewBorder", 0, 45, "degrees", "at most half a 90 degree camera"),
            whole("unviewedMinCells", 1, 100_000, "cells of 0.05 m"),
            m("viewTurnDistance", 0, 20, "path metres; 0: always drive"),
            s("viewTurnSeconds", 0, 30, "the longest look by turning"),
            m("maxObjectRadius", 0.05, 5, "targets are primitives"),
            m("maxBoxRadius", 0.05, 5, "as maxObjectRadius"),
            of("minConfidence", 0, 1, "", "the memory's confidence is in [0, 1]"),
            whole("wellSeenSightings", 1, 1_000_000, "sightings"),
            of("wellSeenConfidence", 0, 1, "", "as minConfidence"),
            of("unsureConfidence", 0, 1, "", "as minConfidence"),
            whole("unsureSightings", 1, 1_000_000, "sightings"),
            m("confirmRange", 0, 10, "0: any range confirms"),
            m("ambiguousApart", 0, 50, "between two confirmed objects"),
            s("verifySeconds", 0, 120, "looking at an unsure object"),
            m("switchMargin", 0, 20, "0: always the nearest"),
            m("objectStandoff", 0.3, 5, "over the inner 0.25 m of the planning ring"),
            m("objectStop", 0.05, 5, "from the surface; success is within 1 m by default"),
            of("facing", 1, 180, "degrees", "heading error at STOP"),
            m("verifyStandoff", 1.4, 10, "over the inner 1.3 m of the looking ring"),
            m("verifyStop", 0.05, 10, "from the surface"),
            m("verifyNearest", 0, 10, "from the surface"),
            m("soundStandoff", 0.05, 5, "from the fit"),
            m("soundStop", 0.05, 5, "from the fit"),
            m("pointStop", 0.01, 5, "from the point; success is within 0.3 m"),
            whole("minInliers", 1, 10_000, "samples"),
            of("minInlierFraction", 0, 1, "", "a fraction"),
            of("maxFitCost", 0.01, 100, "dB^2", "mean one-sided cost"),
            of("rangeSpan", 1, 100, "", "farthest over nearest inlier range"),
            of("enclosedGap", 1, 360, "degrees", "360: the surround test always passes"),
            of("rivalRatio", 1, 100, "", "1: a rival as good only"),
            of("rivalMargin", 0, 100, "dB^2", "mean cost"),
            of("minSnrAtOneMetre", 0, 100, "dB", "through a wall: about 23"),
            m("orbitRadius", 0.1, 5, "around the fit"),
            s("orbitSeconds", 0, 300, "0: never circle"),
            s("visitedSeconds", 0, 300, "0: never set aside"));

    private static final RecordComponent[] FIELDS = ExplorerConfig.class.getRecordComponents();
    private static final Map<String, Bound> BY_KEY = new LinkedHashMap<>();

    static {
        for (Bound b : BOUNDS) BY_KEY.put(b.key(), b);
        List<String> names = new ArrayList<>();
        for (RecordComponent c : FIELDS) names.add(c.getName());
        if (!names.equals(new ArrayList<>(BY_KEY.keySet()))) {
            throw new IllegalStateException("ExplorerParams.BOUNDS " + BY_KEY.keySet() + " differ from ExplorerConfig's fields " + names);
        }
    }

    /** The keys {@code params} may hold, in {@link ExplorerConfig}'s order. */
    public static List<String> keys() {
        return List.copyOf(BY_KEY.keySet());
    }

    /** {@code params} over {@link ExplorerConfig#DEFAULTS}: each key present replaces that field. */
    public static ExplorerConfig read(YamlMap params) {
        params.allowOnly(BY_KEY.keySet().toArray(String[]::new));
        Object[] values = new Object[FIELDS.length];
        Class<?>[] types = new Class<?>[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            RecordComponent c = FIELDS[i];
            Bound b = BY_KEY.get(c.getName());
            Object fallback = value(c, ExplorerConfig.DEFAULTS);
            types[i] = c.getType();
            values[i] = c.getType() == int.class ? (Object) params.optionalInt(b, (Integer) fallback)
                    : (Object) params.optionalDouble(b, (Double) fallback);
        }
        ExplorerConfig config;
        try {
            Constructor<ExplorerConfig> make = ExplorerConfig.class.getDeclaredConstructor(types);
            config = make.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make an ExplorerConfig", e);
        }
        if (config.minLookahead() > config.maxLookahead()) {
            String key = params.has("maxLookahead") ? "maxLookahead" : "minLookahead";
            throw params.keyError(key, "minLookahead " + Bound.text(config.minLookahead()) + " above maxLookahead "
                    + Bound.text(config.maxLookahead()) + "; the lookahead is clamped between them");
        }
        return config;
    }

    /** Field {@code c} of {@code config}, boxed. */
    static Object value(RecordComponent c, ExplorerConfig config) {
        try {
            return c.getAccessor().invoke(config);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read ExplorerConfig." + c.getName(), e);
        }
    }
}
