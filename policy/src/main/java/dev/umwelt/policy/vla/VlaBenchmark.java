package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Latency of one VLA query and of the sentence encoder, for {@code ./umwelt bench policy} (the
 * agent runs the episodes that give the inputs, {@link QuerySampler}). A query is timed as the
 * policy pays for it: {@link VlaModel#infer} at batch 1 (tensors wrapped, the session run on its
 * one intra-op thread, both heads copied out), each call alone with {@link System#nanoTime}.
 */
public final class VlaBenchmark {
    private VlaBenchmark() {}

    /** The ONNX Runtime library's version ("1.29.0"). */
    public static String onnxRuntimeVersion() {
        return OrtRuntime.environment().getVersion();
    }

    /** Percentiles (nearest rank) of per-call wall times. */
    public record Latency(int calls, double p50Ms, double p99Ms, double maxMs) {
        public static Latency of(long[] nanos) {
            if (nanos.length == 0) throw new IllegalArgumentException("no calls timed");
            long[] s = nanos.clone();
            Arrays.sort(s);
            return new Latency(s.length, rank(s, 0.50) / 1e6, rank(s, 0.99) / 1e6, s[s.length - 1] / 1e6);
        }

        private static long rank(long[] sorted, double q) {
            return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.3f ms  p99 %.3f ms  (max %.3f ms, %d calls)", p50Ms, p99Ms, maxMs, calls);
        }
    }

    /** {@code warmup} untimed queries, then {@code calls} timed ones, cycling through {@code samples}. */
    public static Latency queries(VlaModel model, List<Map<String, float[]>> samples, int warmup, int calls) {
        if (samples.isEmpty()) throw new IllegalArgumentException("no query inputs to time");
        for (int i = 0; i < warmup; i++) model.infer(samples.get(i % samples.size()));
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            Map<String, float[]> in = samples.get(i % samples.size());
            long begin = System.nanoTime();
            model.infer(in);
            nanos[i] = System.nanoTime() - begin;
        }
        return Latency.of(nanos);
    }

    /**
     * The sentence encoder on each of {@code sentences}, bypassing its cache (tokenizer and network,
     * as on a new instruction), after running the first {@code warmup} of them untimed.
     */
    public static Latency sentences(List<String> sentences, int warmup) {
        InstructionEncoder encoder = InstructionEncoder.shared();
        for (int i = 0; i < Math.min(warmup, sentences.size()); i++) encoder.runUncached(sentences.get(i));
        long[] nanos = new long[sentences.size()];
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            encoder.runUncached(sentences.get(i));
            nanos[i] = System.nanoTime() - begin;
        }
        return Latency.of(nanos);
    }

    private static final String[] TEMPLATES = {
        "go to the %s %s", "would you mind heading to the %s %s", "find the %s %s and stop in front of it",
        "please approach the %s %s near the door", "take me over to that %s %s", "can you look for a %s %s in the kitchen",
        "drive up to the %s %s, slowly", "I need you next to the %s %s", "head for the %s %s by the window",
        "navigate to the %s %s on the left"};
    private static final String[] COLOURS = {"red", "green", "blue", "yellow", "orange", "purple", "white", "grey"};
    private static final String[] SHAPES = {"box", "ball", "cone", "cylinder"};

    /** {@code n} different instructions (at most 320): templates, colours and shapes interleaved. */
    public static List<String> instructions(int n) {
        int t = TEMPLATES.length, c = COLOURS.length, s = SHAPES.length;
        if (n < 1 || n > t * c * s) throw new IllegalArgumentException("between 1 and " + t * c * s + " sentences: " + n);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.format(Locale.ROOT, TEMPLATES[i % t], COLOURS[(i / t) % c], SHAPES[(i / (t * c)) % s]));
        }
        return out;
    }

    /**
     * Writes {@code samples} and the model's outputs on them in {@link ParityCheck}'s layout
     * ({@code parity.json} and one little-endian float32 file per tensor, batch first), so that
     * PyTorch (policy/training/bench_torch.py) times the same inputs and compares its outputs.
     */
    public static void writeSamples(VlaModel model, List<Map<String, float[]>> samples, Path dir) throws IOException {
        Files.createDirectories(dir);
        var a = model.manifest().action();
        List<float[]> actions = new ArrayList<>(), stops = new ArrayList<>();
        for (Map<String, float[]> s : samples) {
            VlaModel.Outputs o = model.infer(s);
            float[] flat = new float[a.chunkLength() * 2];
            for (int i = 0; i < a.chunkLength(); i++) System.arraycopy(o.actions()[i], 0, flat, 2 * i, 2);
            actions.add(flat);
            stops.add(o.stopLogits());
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode().put("samples", samples.size());
        ObjectNode in = spec.putObject("inputs"), out = spec.putObject("outputs");
        for (String name : new TreeSet<>(samples.get(0).keySet())) {
            in.put(name, write(dir, "in-" + name, samples.stream().map(m -> m.get(name)).toList()));
        }
        out.put(a.output(), write(dir, "out-" + a.output(), actions));
        out.put(a.stopOutput(), write(dir, "out-" + a.stopOutput(), stops));
        json.writeValue(dir.resolve("parity.json").toFile(), spec);
    }

    private static String write(Path dir, String stem, List<float[]> rows) throws IOException {
        int n = rows.stream().mapToInt(r -> r.length).sum();
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] r : rows) for (float v : r) b.putFloat(v);
        String file = stem + ".f32";
        Files.write(dir.resolve(file), b.array());
        return file;
    }
}
