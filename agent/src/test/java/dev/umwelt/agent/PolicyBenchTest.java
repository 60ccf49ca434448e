package dev.umwelt.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code ./umwelt bench policy}, briefly (5 s loops, one run, no warm-up), with the repository
 * as home, as the launcher runs it: before a trained model ships it measures the committed test
 * model and says so, and every figure it prints is there and a positive finite number. No timing
 * is asserted (noisy machines); PyTorch's outputs on the same inputs must match ONNX Runtime's.
 */
class PolicyBenchTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    static CliTest.Outcome umweltAtHome(String... args) {
        String before = System.getProperty("umwelt.home");
        System.setProperty("umwelt.home", HOME.toString());
        try {
            return CliTest.umwelt(args);
        } finally {
            if (before == null) System.clearProperty("umwelt.home"); else System.setProperty("umwelt.home", before);
        }
    }

    /** The first match's groups as numbers, failing with the whole output when the line is missing. */
    static double[] figures(String out, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), "no line matching " + regex + " in:\n" + out);
        double[] v = new double[m.groupCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(m.group(i + 1));
            assertTrue(Double.isFinite(v[i]) && v[i] > 0, m.group() + ": figure " + (i + 1) + " must be positive and finite");
        }
        return v;
    }

    static boolean torchInstalled() throws Exception {
        if (!java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3"))) return false;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void benchPolicyPrintsEveryFigureForTheTestModel() throws Exception {
        // The tiny model by name: its figures are pinned below (the shipped default has its own card).
        CliTest.Outcome o = umweltAtHome("bench", "policy", "--model", HOME.resolve("policy/src/test/resources/vla/tiny").toString(),
                "--seconds", "5", "--runs", "1", "--warmup", "0");
        String out = o.out();
        System.out.print(out);
        assertEquals(0, o.code(), o.err() + out);

        assertEquals(113991, figures(out, "^parameters: +(\\d+) ")[0], "the tiny model's card says 113991");
        // 40 s of episode at the manifest's 5 Hz: one query per 0.2 s from the first tick on.
        double[] sampled = figures(out, "query inputs: (\\d+) queries of a ([\\d.]+) s vla episode");
        assertEquals(40.0, sampled[1], 1e-9);
        assertEquals(200, sampled[0]);

        double[] query = figures(out, "^vla query: +p50 ([\\d.]+) ms, p99 ([\\d.]+) ms at batch 1");
        assertTrue(query[0] <= query[1], "p50 <= p99");
        double[] text = figures(out, "^text encoder: p50 ([\\d.]+) ms, p99 ([\\d.]+) ms per sentence");
        assertTrue(text[0] <= text[1], "p50 <= p99");
        figures(out, "^vla loop: +(\\d+)x real time; explorer loop: (\\d+)x real time \\(vla / explorer ([\\d.]+);");
        figures(out, "^  loop, explorer +(\\d+) sim-s in ([\\d.]+) wall-s");
        figures(out, "^  loop, vla +(\\d+) sim-s in ([\\d.]+) wall-s");

        if (torchInstalled()) {
            double[] torch = figures(out, "^torch eager: +p50 ([\\d.]+) ms, p99 ([\\d.]+) ms at batch 1 on one thread \\(torch \\S+, "
                    + "(\\d+) parameters, weights from model.onnx initializers; same inputs, max abs diff ([\\d.e+-]+) from ONNX Runtime\\)");
            assertTrue(torch[0] <= torch[1], "p50 <= p99");
            assertEquals(113991, torch[2], "PyTorch rebuilt the same network");
            assertTrue(torch[3] <= 1e-4, "PyTorch's outputs on the same inputs match ONNX Runtime's: " + torch[3]);
        } else {
            assertTrue(out.contains("\ntorch eager:  torch: not installed"), out);
        }
    }

    @Test
    void aMissingModelOrAModelForAnotherBenchIsOneLineExitTwo() {
        Path missing = HOME.resolve("no-such-model");
        CliTest.Outcome o = umweltAtHome("bench", "policy", "--model", missing.toString());
        assertEquals(2, o.code(), o.err() + o.out());
        assertEquals(missing + ": directory: no such model directory", o.err().strip());

        o = umweltAtHome("bench", "log", "--model", missing.toString());
        assertEquals(2, o.code(), o.err() + o.out());
        assertEquals("--model: only bench policy reads a model (bench log)", o.err().strip());
    }
}
