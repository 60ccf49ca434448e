package dev.umwelt.bus.fault;

import dev.umwelt.bus.yaml.Bound;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.yaml.YamlNode;

import dev.umwelt.bus.observation.Modality;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's {@code faults:} list, e.g. {@code - {sensor: lidar, kind: drop, from: 10, to: 20}};
 * {@code sigma:} for noise, {@code delay:} (seconds) for delay, {@code mode:} for corrupt.
 * Times are seconds of sim time since the episode start. Errors name file:line and field.
 */
public final class FaultsLoader {
    private FaultsLoader() {}

    public static List<Fault> load(List<YamlNode> items) {
        List<Fault> faults = new ArrayList<>(items.size());
        for (YamlNode item : items) faults.add(fault(item.asMap()));
        return faults;
    }

    private static Fault fault(YamlMap f) {
        f.allowOnly("sensor", "kind", "from", "to", "sigma", "delay", "mode");
        Modality m = parse(f, "sensor", () -> FaultSpec.modality(f.requireString("sensor")));
        Fault.Kind kind = parse(f, "kind", () -> FaultSpec.kind(f.requireString("kind")));
        double from = f.requireDouble(FaultBounds.FROM), to = f.requireDouble(FaultBounds.TO);
        if (!(to > from)) throw f.require("to").error("end (" + Bound.text(to) + " s) must be after start (" + Bound.text(from) + " s)");
        double value = switch (kind) {
            case NOISE -> f.requireDouble(FaultBounds.SIGMA);
            case DELAY -> f.requireDouble(FaultBounds.DELAY);
            default -> 0;
        };
        Fault.Corruption mode = kind == Fault.Kind.CORRUPT ? parse(f, "mode", () -> FaultSpec.corruption(f.requireString("mode"))) : null;
        for (String key : new String[] {"sigma", "delay", "mode"}) {
            boolean wanted = key.equals("sigma") ? kind == Fault.Kind.NOISE : key.equals("delay") ? kind == Fault.Kind.DELAY
                    : kind == Fault.Kind.CORRUPT;
            if (f.has(key) && !wanted) throw f.require(key).error(key + " does not apply to kind " + Fault.name(kind));
        }
        try {
            return new Fault(m, kind, Math.round(from * 1e9), Math.round(to * 1e9), value, mode);
        } catch (IllegalArgumentException e) {
            throw f.require("kind").error(e.getMessage());
        }
    }

    private static <T> T parse(YamlMap f, String key, java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw f.require(key).error(e.getMessage());
        }
    }
}
