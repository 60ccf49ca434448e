package dev.umwelt.policy.vla;

import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which (colour, shape) an instruction asks for, as probabilities, by sentence embeddings rather
 * than a vocabulary: each candidate description "the &lt;colour&gt; &lt;shape&gt;" (every colour of
 * {@link Colour#PALETTE} x every {@link Shape}, shapes named as the generator names them: box,
 * cylinder, ball, cone; 48 candidates) is encoded once, and an instruction's probabilities are
 * softmax(cos(instruction, description) / {@link #TAU}) over the candidates. TAU = 0.05: cosines
 * between MiniLM embeddings of such short sentences differ by a few hundredths, and 0.05 turns a
 * lead of 0.1 into a factor e^2. Feeds the belief's {@code target} channel. One table per
 * instruction text, cached; thread-safe.
 */
public final class InstructionGrounding {
    public static final double TAU = 0.05;
    public static final List<String> COLOURS = List.copyOf(Colour.PALETTE.keySet());
    public static final List<Shape> SHAPES = List.of(Shape.values());

    private static InstructionGrounding shared;

    private final InstructionEncoder encoder;
    private final float[][] descriptions;
    private final Map<String, Probabilities> cache = new ConcurrentHashMap<>();

    InstructionGrounding(InstructionEncoder encoder) {
        this.encoder = encoder;
        List<float[]> d = new ArrayList<>();
        for (String c : COLOURS) for (Shape s : SHAPES) d.add(encoder.encode(description(c, s)));
        this.descriptions = d.toArray(new float[0][]);
    }

    /** The JVM's grounding, on the shared encoder (its 48 descriptions encoded on first use). */
    public static synchronized InstructionGrounding shared() {
        if (shared == null) shared = new InstructionGrounding(InstructionEncoder.shared());
        return shared;
    }

    /** The candidate sentence for a colour and shape: "the blue cone", "the red ball". */
    public static String description(String colour, Shape shape) {
        return "the " + colour + " " + (shape == Shape.SPHERE ? "ball" : shape.key());
    }

    /** The probabilities for {@code instruction} (cached per text). */
    public Probabilities of(String instruction) {
        return cache.computeIfAbsent(instruction, t -> compute(encoder.encode(t)));
    }

    private Probabilities compute(float[] e) {
        double[] logits = new double[descriptions.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < descriptions.length; i++) {
            double dot = 0;
            for (int k = 0; k < e.length; k++) dot += (double) e[k] * descriptions[i][k];
            logits[i] = dot / TAU; // both unit length: the dot is the cosine
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) sum += logits[i] = Math.exp(logits[i] - max);
        for (int i = 0; i < logits.length; i++) logits[i] /= sum;
        return new Probabilities(logits);
    }

    /** p per (colour, shape), colours in palette order, shapes in enum order. */
    public record Probabilities(double[] p) {
        /** p of the colour and shape; 0 for a colour outside the palette. */
        public double of(String colour, Shape shape) {
            int c = COLOURS.indexOf(colour);
            return c < 0 ? 0 : p[c * SHAPES.size() + shape.ordinal()];
        }

        /** The largest p among the colour's shapes (an object whose shape is unread). */
        public double bestOf(String colour) {
            double best = 0;
            for (Shape s : SHAPES) best = Math.max(best, of(colour, s));
            return best;
        }

        /** The most probable candidate's index (colour * shapes + shape). */
        public int best() {
            int b = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[b]) b = i;
            return b;
        }
    }
}
