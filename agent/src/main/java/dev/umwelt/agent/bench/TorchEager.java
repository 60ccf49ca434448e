package dev.umwelt.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.policy.vla.VlaBenchmark;
import dev.umwelt.policy.vla.VlaBenchmark.Latency;
import dev.umwelt.policy.vla.VlaModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PyTorch eager on the same network and inputs, for {@code bench policy}: the query inputs and
 * ONNX Runtime's outputs on them go to a temp directory in the parity layout, and
 * {@code /usr/bin/python3 policy/training/bench_torch.py MODEL_DIR --inputs DIR} times the network
 * rebuilt in PyTorch on them (one thread) and compares its outputs. Debian's python3-torch is seen
 * only by {@code /usr/bin/python3} (PITFALLS). Without torch the figure is "torch: not installed";
 * any other failure is a line that says so, never the end of the benchmark.
 */
final class TorchEager {
    static final String PYTHON = "/usr/bin/python3", SCRIPT = "policy/training/bench_torch.py";
    static final long TIMEOUT_SECONDS = 600;

    /** {@code latency} null when not measured; {@code summary} the line for the summary, {@code detail} for the table. */
    record Figures(Latency latency, String summary, String detail) {
        static Figures none(String why) {
            return new Figures(null, why, why);
        }
    }

    private TorchEager() {}

    static Figures run(Path home, VlaModel model, List<Map<String, float[]>> samples, int warmup, int queries) {
        Path script = home.resolve(SCRIPT);
        if (!Files.isExecutable(Path.of(PYTHON))) return Figures.none("torch: not installed (no " + PYTHON + ")");
        if (!Files.isRegularFile(script)) return Figures.none("torch: not measured (no " + script + ")");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("umwelt-bench-policy-");
            VlaBenchmark.writeSamples(model, samples, dir);
            ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), model.directory().toString(), "--inputs",
                    dir.toString(), "--warmup", String.valueOf(warmup), "--queries", String.valueOf(queries))
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
            // One thread, as ONNX Runtime has; a taskset on the launcher is inherited.
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("MKL_NUM_THREADS", "1");
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return Figures.none("torch: not measured (bench_torch.py took over " + TIMEOUT_SECONDS + " s)");
            }
            String stdout = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8).strip();
            String last = stdout.isEmpty() ? "" : stdout.lines().reduce((a, b) -> b).orElse("");
            if (p.exitValue() == 3) return Figures.none("torch: not installed");
            if (p.exitValue() != 0) {
                List<String> err = Files.readAllLines(dir.resolve("stderr.txt"));
                return Figures.none("torch: not measured (bench_torch.py exit " + p.exitValue() + ": "
                        + (err.isEmpty() ? last : err.get(err.size() - 1)) + ")");
            }
            return parse(new ObjectMapper().readTree(last));
        } catch (IOException e) {
            return Figures.none("torch: not measured (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Figures.none("torch: not measured (interrupted)");
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static Figures parse(JsonNode j) {
        Latency l = new Latency(j.get("queries").asInt(), j.get("p50Ms").asDouble(), j.get("p99Ms").asDouble(),
                j.get("maxMs").asDouble());
        String same = j.get("maxAbsDiff").isNull() ? "outputs not compared"
                : String.format(Locale.ROOT, "max abs diff %.3g from ONNX Runtime", j.get("maxAbsDiff").asDouble());
        String summary = String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms at batch 1 on one thread (torch %s, %d parameters,"
                + " weights from %s; same inputs, %s)", l.p50Ms(), l.p99Ms(), j.get("torch").asText(),
                j.get("parameters").asLong(), j.get("weights").asText(), same);
        return new Figures(l, summary, l + ", torch " + j.get("torch").asText() + ", " + same);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless.
        }
    }
}
