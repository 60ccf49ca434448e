package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Java half of the exporter's parity check: runs the exported model through the same path
 * the policy uses ({@link ModelDirectory#load}, every check included, then {@link VlaModel#infer}
 * at batch 1 on the CPU) on the inputs PyTorch saw, and compares with PyTorch's outputs.
 *
 * <p>{@code java -cp ... dev.umwelt.policy.vla.ParityCheck MODEL_DIR PARITY_DIR [LIMIT]}.
 * PARITY_DIR holds {@code parity.json}: {"samples": N, "inputs": {name: file}, "outputs": {name:
 * file}}, each file N items of little-endian float32, row-major, batch first. Prints
 * {@code parity: N samples, max abs diff D (limit L)}; exit 0 within the limit (default 1e-4),
 * 1 above it, 2 for a refused model (its one line on stderr).
 */
public final class ParityCheck {
    public static final double DEFAULT_LIMIT = 1e-4;

    private ParityCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ParityCheck MODEL_DIR PARITY_DIR [LIMIT]");
            System.exit(2);
        }
        double limit = args.length > 2 ? Double.parseDouble(args[2]) : DEFAULT_LIMIT;
        VlaModel model;
        try {
            model = ModelDirectory.load(Path.of(args[0]), ModelDirectory.Inference.CPU);
        } catch (BadModelException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double diff;
        int n;
        try (model) {
            Path dir = Path.of(args[1]);
            JsonNode spec = new ObjectMapper().readTree(dir.resolve("parity.json").toFile());
            n = spec.get("samples").asInt();
            Map<String, float[]> inputs = read(dir, spec.get("inputs")), expected = read(dir, spec.get("outputs"));
            diff = maxAbsDiff(model, inputs, expected, n);
        }
        System.out.printf(Locale.ROOT, "parity: %d samples, max abs diff %.3g (limit %.3g)%n", n, diff, limit);
        System.exit(diff <= limit ? 0 : 1);
    }

    private static Map<String, float[]> read(Path dir, JsonNode files) throws IOException {
        Map<String, float[]> out = new HashMap<>();
        for (var it = files.fields(); it.hasNext(); ) {
            var e = it.next();
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(e.getValue().asText()))).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.remaining() / 4];
            b.asFloatBuffer().get(v);
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Each sample at batch 1; the largest |Java - PyTorch| over both heads (NaN counts as infinitely far). */
    static double maxAbsDiff(VlaModel model, Map<String, float[]> inputs, Map<String, float[]> expected, int n) {
        double worst = 0;
        var a = model.manifest().action();
        for (int s = 0; s < n; s++) {
            Map<String, float[]> one = new HashMap<>();
            for (var e : inputs.entrySet()) {
                int per = e.getValue().length / n;
                float[] x = new float[per];
                System.arraycopy(e.getValue(), s * per, x, 0, per);
                one.put(e.getKey(), x);
            }
            VlaModel.Outputs o = model.infer(one);
            float[] act = expected.get(a.output()), stop = expected.get(a.stopOutput());
            int k = a.chunkLength();
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < 2; c++) worst = Math.max(worst, diff(o.actions()[i][c], act[(s * k + i) * 2 + c]));
                worst = Math.max(worst, diff(o.stopLogits()[i], stop[s * k + i]));
            }
        }
        return worst;
    }

    private static double diff(float a, float b) {
        double d = Math.abs((double) a - b);
        return Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
    }
}
