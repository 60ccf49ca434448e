package dev.umwelt.policy.vla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The trainer's exporter for real: PyTorch (Debian's python3-torch) exports a VlaNet, and ONNX
 * Runtime Java, through the runtime's own loading path, must match it within 1e-4, or the export
 * is refused and model.onnx removed.
 */
class ExportParityTest {
    static final Pattern PARITY = Pattern.compile("parity: 16 samples, max abs diff (\\S+) \\(limit (\\S+)\\)");

    @TempDir
    Path tmp;

    record Run(int code, String out) {}

    static Run export(Path out, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", Path.of("training", "export_model.py").toString(),
                "--out", out.toString(), "--classpath", System.getProperty("java.class.path")));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the exporter ends");
        return new Run(p.exitValue(), text);
    }

    @Test
    void anExportedModelMatchesPyTorchAndLoads() throws Exception {
        Path dir = tmp.resolve("m");
        Run r = export(dir, "--seed", "3");
        assertEquals(0, r.code(), r.out());
        Matcher m = PARITY.matcher(r.out());
        assertTrue(m.find(), r.out());
        double diff = Double.parseDouble(m.group(1));
        assertTrue(diff <= 1e-4 && diff >= 0, "max abs diff " + diff);
        try (VlaModel model = ModelDirectory.load(dir, ModelDirectoryTest.TURTLE)) {
            assertEquals(ModelDirectory.sha256(dir.resolve("model.onnx")), model.manifest().modelSha256());
            assertEquals("none: random weights, a test model for the Java runtime", model.manifest().provenance().data());
        }
        assertTrue(Files.readString(dir.resolve("README.md")).contains("max abs diff " + m.group(1)), "the card records the parity");

        // weights.pt beside it: bench_torch.py rebuilds the same network in PyTorch from it (`bench policy`).
        assertTrue(Files.size(dir.resolve("weights.pt")) > 0, "the exporter saves the PyTorch weights");
        Process p = new ProcessBuilder("/usr/bin/python3", Path.of("training", "bench_torch.py").toString(), dir.toString(),
                "--queries", "20", "--warmup", "2").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bench_torch.py ends");
        assertEquals(0, p.exitValue(), out);
        var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("weights.pt", j.get("weights").asText());
        assertEquals(OnnxParameters.count(dir.resolve("model.onnx")), j.get("parameters").asLong());
        assertEquals(20, j.get("queries").asInt());
        assertTrue(j.get("p50Ms").asDouble() > 0 && j.get("p50Ms").asDouble() <= j.get("p99Ms").asDouble(), out);
        assertTrue(j.get("maxAbsDiff").isNull(), "random inputs: no ONNX Runtime outputs to compare with");
    }

    @Test
    void aParityAboveTheLimitRefusesTheExport() throws Exception {
        Path dir = tmp.resolve("m");
        Run r = export(dir, "--parity-limit", "1e-15");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("export refused: parity above 1e-15"), r.out());
        assertFalse(Files.exists(dir.resolve("model.onnx")), "the refused model.onnx is removed");
    }
}
