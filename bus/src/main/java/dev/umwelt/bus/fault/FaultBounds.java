package dev.umwelt.bus.fault;

import dev.umwelt.bus.yaml.Bound;


import java.util.List;

/** Ranges of a scenario's {@code faults:} items ({@code sensors.fault.Fault}); the numbers are the command line's, {@link FaultLimits}. */
public final class FaultBounds {
    private FaultBounds() {}

    static final Bound FROM = Bound.of("faults[].from", 0, FaultLimits.MAX_TIME_S, "s", "seconds since the episode start, up to a day");
    static final Bound TO = Bound.of("faults[].to", 0, FaultLimits.MAX_TIME_S, "s", "as from, and after it");
    static final Bound SIGMA = Bound.of("faults[].sigma", FaultLimits.MIN_SIGMA, FaultLimits.MAX_SIGMA, "",
            "metres (lidar), 8-bit levels (camera) or PCM16 levels (audio)");
    static final Bound DELAY = Bound.of("faults[].delay", FaultLimits.MIN_DELAY_S, FaultLimits.MAX_DELAY_S, "s",
            "a latency: delay x rate readings are held back");
    /** Each fault is checked against every reading of its sensor. */
    public static final int MAX_FAULTS = 1_000;

    public static final List<Bound> ALL = List.of(FROM, TO, SIGMA, DELAY);
}
