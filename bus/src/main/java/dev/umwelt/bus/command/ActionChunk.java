package dev.umwelt.bus.command;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.Modality;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A policy's answer: a sequence of body velocities, one per {@code timeStepNanos} starting at
 * the header stamp, or an explicit STOP ("I am there"; it ends a navigation episode, unlike a
 * zero velocity). {@code attribution} optionally says how much each modality drove the
 * decision (weights summing to 1); empty when the policy cannot say.
 */
public record ActionChunk(Header header, long timeStepNanos, List<Twist2D> actions, boolean stop,
                          Map<Modality, Double> attribution) implements Stamped {

    public ActionChunk {
        Objects.requireNonNull(header, "header");
        actions = List.copyOf(actions);
        attribution = attribution.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(attribution));
        if (timeStepNanos <= 0) throw new IllegalArgumentException("timeStepNanos must be positive: " + timeStepNanos);
        if (!stop && actions.isEmpty()) throw new IllegalArgumentException("a chunk that is not STOP needs at least one action");
        for (var e : attribution.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("attribution of " + e.getKey() + " must be in [0,1]: " + e.getValue());
            }
        }
    }

    public static ActionChunk move(long stampNanos, long timeStepNanos, Twist2D twist) {
        return new ActionChunk(new Header(stampNanos, Frames.BASE_LINK), timeStepNanos, List.of(twist), false, Map.of());
    }

    public static ActionChunk stop(long stampNanos, long timeStepNanos) {
        return new ActionChunk(new Header(stampNanos, Frames.BASE_LINK), timeStepNanos, List.of(), true, Map.of());
    }

    /** The action in force at {@code nowNanos}: the last one once the chunk runs out; zero for STOP. */
    public Twist2D actionAt(long nowNanos) {
        if (stop || actions.isEmpty()) return Twist2D.ZERO;
        long k = Math.max(0, (nowNanos - header.stampNanos()) / timeStepNanos);
        return actions.get((int) Math.min(k, actions.size() - 1));
    }
}
