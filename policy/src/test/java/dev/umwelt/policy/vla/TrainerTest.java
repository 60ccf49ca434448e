package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PyTorch trainer for real (policy/training/train.py on Debian's python3-torch): a few steps
 * on a tiny synthetic dataset in the `export --inputs` format, the export, and the parity check
 * of ONNX Runtime Java (the runtime's own loading path) against PyTorch, which must pass or the
 * model is refused. Seeded runs must give the same model.onnx bytes.
 */
class TrainerTest {
    static final Pattern PARITY = Pattern.compile("parity: (\\d+) samples, max abs diff (\\S+) \\(limit (\\S+)\\)");
    static final Path INPUTS = Path.of("src/test/resources/vla/train/inputs.json").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path data, config;

    record Run(int code, String out) {}

    static Run python(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", Path.of("training", script).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " ends");
        return new Run(p.exitValue(), text);
    }

    static Run train(Path out, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(), "--config",
                config.toString(), "--classpath", System.getProperty("java.class.path")));
        args.addAll(List.of(extra));
        return python("train.py", args.toArray(String[]::new));
    }

    @BeforeAll
    static void tinyDataset() throws Exception {
        boolean torch = Files.isExecutable(Path.of("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import torch, onnx, yaml").start().waitFor() == 0;
        assumeTrue(torch, "/usr/bin/python3 has no torch/onnx/yaml (Debian: python3-torch python3-onnx python3-yaml): trainer test skipped");
        data = tmp.resolve("data");
        Run r = python("synthetic_data.py", "--out", data.toString(), "--inputs", INPUTS.toString(), "--episodes", "4",
                "--samples", "24");
        assertEquals(0, r.code(), r.out());
        config = tmp.resolve("tiny.yaml");
        Files.writeString(config, """
                name: trainer-test
                inputs: %s
                training: {epochs: 2, batch: 16, val_every_episode: 4, seed: 0}
                eval: {every: 0}
                parity: {samples: 8}
                """.formatted(INPUTS));
    }

    static String sha(Path modelDir) throws Exception {
        return new ObjectMapper().readTree(modelDir.resolve("manifest.json").toFile()).get("modelSha256").asText();
    }

    @Test
    void aFewStepsTrainExportAndPassTheParityCheckReproducibly() throws Exception {
        Path a = tmp.resolve("a");
        Run r = train(a);
        assertEquals(0, r.code(), r.out());
        Matcher m = PARITY.matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(8, Integer.parseInt(m.group(1)));
        double diff = Double.parseDouble(m.group(2));
        assertTrue(diff >= 0 && diff <= 1e-4, "max abs diff " + diff);
        assertTrue(r.out().contains("epoch 1/2: loss ") && r.out().contains("epoch 2/2: loss "), "a progress line per epoch: " + r.out());
        assertTrue(r.out().matches("(?s).*epoch 2/2: .* samples/s, ETA .*"), r.out());

        // The runtime loads it as it would the shipped model: every manifest check, the hash included.
        try (VlaModel model = ModelDirectory.load(a, ModelDirectoryTest.TURTLE)) {
            assertEquals(ModelDirectory.sha256(a.resolve("model.onnx")), model.manifest().modelSha256());
            assertTrue(model.manifest().provenance().data().contains("96 samples from 4 episodes"), model.manifest().provenance().data());
            assertTrue(model.manifest().provenance().data().endsWith("24 with teacher labels"), "the DAgger labels were read");
            assertTrue(model.manifest().provenance().command().startsWith("./umwelt train --data "));
            assertEquals(5, model.manifest().action().chunkLength());
        }
        String card = Files.readString(a.resolve("README.md"));
        assertTrue(card.contains("max abs diff " + m.group(2)), "the card records the parity");
        assertTrue(card.contains("| 2 | "), "the card's per-epoch table");
        byte[] png = Files.readAllBytes(a.resolve("loss.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, java.util.Arrays.copyOf(png, 8));
        assertEquals(640, ByteBuffer.wrap(png, 16, 4).getInt(), "loss.png width");
        assertEquals(360, ByteBuffer.wrap(png, 20, 4).getInt(), "loss.png height");
        assertTrue(Files.size(a.resolve("weights.pt")) > 0);

        // Same data, config and seed: the same model.onnx bytes. Another seed: other weights, and a
        // parity limit no export can meet refuses the model and removes model.onnx.
        Path b = tmp.resolve("b");
        Run rb = train(b);
        assertEquals(0, rb.code(), rb.out());
        assertEquals(sha(a), ModelDirectory.sha256(b.resolve("model.onnx")));
        assertArrayEquals(Files.readAllBytes(a.resolve("model.onnx")), Files.readAllBytes(b.resolve("model.onnx")));

        Path c = tmp.resolve("c");
        Path strict = tmp.resolve("strict.yaml");
        Files.writeString(strict, Files.readString(config).replace("parity: {samples: 8}", "parity: {samples: 8, limit: 1.0e-15}"));
        Run rc = python("train.py", "--data", data.toString(), "--out", c.toString(), "--config", strict.toString(),
                "--seed", "1", "--classpath", System.getProperty("java.class.path"));
        assertEquals(1, rc.code(), rc.out());
        assertTrue(rc.out().contains("export refused: parity above 1e-15"), rc.out());
        assertFalse(Files.exists(c.resolve("model.onnx")), "the refused model.onnx is removed");
        assertNotEquals(sha(a), sha(c), "another training seed gives other weights");
    }

    @Test
    void initFineTunesAModelKeepingItsUnnormalizationAndRefusesAnotherNetwork() throws Exception {
        Path first = tmp.resolve("init-first");
        Run r = train(first, "--seed", "3");
        assertEquals(0, r.code(), r.out());
        // The dataset's own "auto" unnormalization is not what the first model's weights were trained for.
        Path shifted = tmp.resolve("shifted.yaml");
        Files.writeString(shifted, Files.readString(config) + "action: {unnormalization: {scale: [9.0, 9.0], offset: [1.0, 1.0]}}\n");
        Path second = tmp.resolve("init-second");
        r = train(second, "--init", first.toString(), "--config", shifted.toString());
        assertEquals(0, r.code(), r.out());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(first.resolve("manifest.json").toFile()).at("/action/unnormalization"),
                json.readTree(second.resolve("manifest.json").toFile()).at("/action/unnormalization"));
        assertTrue(json.readTree(second.resolve("manifest.json").toFile()).at("/provenance/command").asText().contains("--init " + first));
        assertNotEquals(sha(first), sha(second), "two more epochs moved the weights");

        Path narrow = tmp.resolve("narrow.yaml");
        Files.writeString(narrow, Files.readString(config) + "network: {hidden: 32}\n");
        r = train(tmp.resolve("never-init"), "--init", first.toString(), "--config", narrow.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals(first.resolve("weights.pt") + ": config.hidden: 256, but this training's network has 32", r.out().strip());
        assertFalse(Files.exists(tmp.resolve("never-init")));
    }

    @Test
    void aBadConfigFieldExitsTwoWithOneLineNamingFileLineAndField() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "training:\n  epochs: 2\n  lr: fast\n");
        Run r = train(tmp.resolve("never"), "--config", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals(bad + ":3: training.lr: must be a number > 0 and <= 1, not 'fast'", r.out().strip());

        Files.writeString(bad, "network:\n  fusion: cross-attention\n");
        r = train(tmp.resolve("never"), "--config", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals(bad + ":2: network.fusion: 'cross-attention' is not implemented yet (only 'early')", r.out().strip());

        Files.writeString(bad, "trainig:\n  epochs: 2\n");
        r = train(tmp.resolve("never"), "--config", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().strip().startsWith(bad + ":1: trainig: unknown field (known: action, eval, inputs, loss"), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertFalse(Files.exists(tmp.resolve("never")));

        // A dataset exported with another inputs file than the config's: refused before training, naming the array.
        Path other = tmp.resolve("other-inputs.json");
        Files.writeString(other, Files.readString(INPUTS).replace("[-1, 4, 48, 48]", "[-1, 8, 48, 48]"));
        Files.writeString(bad, "inputs: " + other + "\n");
        r = train(tmp.resolve("never"), "--config", bad.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals(data.resolve("shard-00000.npz") + ": in_belief: rows of shape [4, 48, 48], but the inputs file's 'belief' is "
                + "[8, 48, 48] (exported with another inputs file?)", r.out().strip());
    }
}
