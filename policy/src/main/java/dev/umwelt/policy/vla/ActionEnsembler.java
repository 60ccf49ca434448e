package dev.umwelt.policy.vla;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * ACT-style temporal ensembling of overlapping action chunks (Zhao et al. 2023, "Learning
 * Fine-Grained Bimanual Manipulation with Low-Cost Hardware", section 3.3).
 *
 * <p>A chunk made at {@code start} holds K steps of {@code step} nanoseconds; step k is in force
 * during [start + k step, start + (k + 1) step). At time t every stored chunk whose span covers t
 * contributes its step for t. Ordered from the oldest prediction to the newest, the i-th
 * contribution (i = 0 the oldest) has weight w_i = exp(-m i), and the result is
 * sum(w_i a_i) / sum(w_i), per action component and for the STOP probability alike. As in ACT,
 * m > 0 trusts the older predictions more (smoother, slower to react), m = 0 averages, m < 0
 * trusts the newer ones.
 *
 * <p>STOP: the robot stops when the ensembled STOP probability of the current step exceeds
 * {@link #STOP_THRESHOLD} (0.5): one confident chunk alone cannot end an episode while older
 * chunks covering the same step still disagree, unless the weights let it.
 *
 * <p>Values are opaque pairs (body velocities, or waypoints already in a fixed frame, never in a
 * moving ego frame). Not thread-safe; one per episode.
 */
public final class ActionEnsembler {
    public static final double STOP_THRESHOLD = 0.5;

    private record Chunk(long start, double[][] values, double[] stop) {}

    /** The ensembled step at one time: {@code value} (2 components), STOP probability, how many chunks contributed. */
    public record Step(double[] value, double stopProbability, int chunks) {
        public boolean stop() {
            return stopProbability > STOP_THRESHOLD;
        }
    }

    private final int length;
    private final long stepNanos;
    private final double decay;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();

    /** {@code length} K steps of {@code stepNanos}; {@code decay} m of the weights exp(-m i). */
    public ActionEnsembler(int length, long stepNanos, double decay) {
        if (length < 1 || stepNanos <= 0 || !Double.isFinite(decay)) {
            throw new IllegalArgumentException("chunk length >= 1, step > 0, finite decay: " + length + ", " + stepNanos + ", " + decay);
        }
        this.length = length;
        this.stepNanos = stepNanos;
        this.decay = decay;
    }

    public void reset() {
        chunks.clear();
    }

    /**
     * A new chunk starting at {@code startNanos} (not before the last one): {@code values[k]} the
     * k-th step's two components, {@code stopProbabilities[k]} in [0, 1]. Chunks that ended by
     * then are forgotten.
     */
    public void add(long startNanos, double[][] values, double[] stopProbabilities) {
        if (values.length != length || stopProbabilities.length != length) {
            throw new IllegalArgumentException("a chunk has " + length + " steps: " + values.length + " values, "
                    + stopProbabilities.length + " STOP probabilities");
        }
        if (!chunks.isEmpty() && startNanos < chunks.peekLast().start) {
            throw new IllegalArgumentException("chunks arrive in time order: " + startNanos + " < " + chunks.peekLast().start);
        }
        while (!chunks.isEmpty() && chunks.peekFirst().start + length * stepNanos <= startNanos) chunks.pollFirst();
        double[][] copy = new double[length][];
        for (int k = 0; k < length; k++) copy[k] = values[k].clone();
        chunks.addLast(new Chunk(startNanos, copy, stopProbabilities.clone()));
    }

    /** How many chunks are stored. */
    public int size() {
        return chunks.size();
    }

    /** The ensembled step in force at {@code tNanos}; empty when no stored chunk covers it. */
    public Optional<Step> at(long tNanos) {
        double a = 0, b = 0, stop = 0, total = 0;
        int i = 0;
        for (Chunk c : chunks) { // oldest first
            if (tNanos < c.start) continue;
            long k = (tNanos - c.start) / stepNanos;
            if (k >= length) continue;
            double w = Math.exp(-decay * i);
            a += w * c.values[(int) k][0];
            b += w * c.values[(int) k][1];
            stop += w * c.stop[(int) k];
            total += w;
            i++;
        }
        if (i == 0) return Optional.empty();
        return Optional.of(new Step(new double[] {a / total, b / total}, stop / total, i));
    }
}
