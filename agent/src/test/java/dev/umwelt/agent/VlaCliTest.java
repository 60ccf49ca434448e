package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.policy.vla.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --policy vla --model DIR} on the command line: a bad model directory is exit 2 and one line naming it. */
class VlaCliTest {
    @TempDir
    Path tmp;

    static String oneLine(CliTest.Outcome o) {
        return CliTest.oneLine(o);
    }

    @Test
    void runWithTheTinyModelCompletesAndPrintsItsTrajectory() throws Exception {
        CliTest.Outcome o = CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                "--model", TinyModel.dir().toString(), "--json", "--no-pictures", "--no-record");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("vla", j.get("policy").asText());
        assertEquals(16, j.get("trajectoryHash").asText().length());
    }

    @Test
    void aWrongManifestFieldOnRunAndSuiteIsExitTwoNamingFileAndField() {
        Path dir = TinyModel.withManifest(tmp, "bad", m -> m.put("fusion", "middle"));
        String line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                "--model", dir.toString(), "--no-pictures", "--no-record"));
        assertEquals(dir.resolve("manifest.json") + ": fusion: unknown fusion 'middle' (known: early, late, cross-attention)", line);

        Path edited = TinyModel.copy(tmp, "hash");
        line = oneLine(CliTest.umwelt("suite", "--generate", "2", "--policy", "explorer,vla", "--model", corrupt(edited).toString(),
                "--no-pictures", "--no-record"));
        assertTrue(line.startsWith(edited.resolve("manifest.json") + ": modelSha256: "), line);
    }

    private static Path corrupt(Path dir) {
        try {
            byte[] b = Files.readAllBytes(dir.resolve("model.onnx"));
            b[b.length / 2] ^= 1;
            Files.write(dir.resolve("model.onnx"), b);
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRobotTheModelWasNotTrainedForIsRefusedBeforeTheEpisode() {
        Path dir = TinyModel.withManifest(tmp, "small-camera", m -> TinyModel.set(m, "sensors.camera.width", "64"));
        String line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                "--model", dir.toString(), "--no-pictures", "--no-record"));
        assertTrue(line.startsWith(dir.resolve("manifest.json") + ": sensors.camera: trained for 64x96 frames; robot 'turtle'"), line);
        assertTrue(line.endsWith("delivers 128x96"), line);
    }

    @Test
    void withoutADefaultModelVlaSaysHowToMakeOne() {
        String before = System.getProperty("umwelt.home");
        System.setProperty("umwelt.home", tmp.toString());
        try {
            String line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                    "--no-pictures", "--no-record"));
            assertTrue(line.startsWith(tmp.resolve("policy/models/default") + ": directory: no default model yet"), line);
            assertTrue(line.contains("policy/training/export_model.py"), line);
        } finally {
            if (before == null) System.clearProperty("umwelt.home"); else System.setProperty("umwelt.home", before);
        }
    }

    @Test
    void aModelForAnotherPolicyOrAnUnknownDeviceIsBadInput() {
        String line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--model", TinyModel.dir().toString(),
                "--no-pictures", "--no-record"));
        assertEquals("--model: only --policy vla reads a model (policy: explorer)", line);
        line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla", "--inference", "tpu",
                "--model", TinyModel.dir().toString(), "--no-pictures", "--no-record"));
        assertEquals("--inference: unknown inference device 'tpu' (known: auto, cpu, cuda)", line);
    }

    /**
     * The real main in its own JVM, the class path passed through CLASSPATH: ONNX Runtime 1.29
     * segfaults from a command line of about 4 KB on, and the test class path alone is longer.
     */
    private Process umweltProcess(List<String> jvmOptions, String... args) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.add("dev.umwelt.agent.cli.Umwelt");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return pb.start();
    }

    private String errOf(Process p, int code) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends");
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8).strip();
        assertEquals(code, p.exitValue(), err);
        return err;
    }

    @Test
    void theRealMainExitsTwoWithOneLineForAMissingInput() throws Exception {
        // The graph's 'belief' input left out of the manifest.
        Path dir = TinyModel.withManifest(tmp, "no-belief", m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("inputs")).remove(3));
        String err = errOf(umweltProcess(List.of(), "run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                "--model", dir.toString(), "--no-pictures", "--no-record"), 2);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(dir.resolve("model.onnx") + ": input 'belief': the graph takes it, the manifest feeds nothing"), err);
    }

    @Test
    void aCommandLineOnnxRuntimeWouldCrashOnIsRefusedWithAMessage() throws Exception {
        // Measured: a 4 KB command line made ONNX Runtime 1.29 die with SIGSEGV (exit 139, no report).
        String pad = "-Dpad=" + "x".repeat(4200);
        String err = errOf(umweltProcess(List.of(pad), "run", Catalog.scenario("single-room").toString(), "--policy", "vla",
                "--model", TinyModel.dir().toString(), "--no-pictures", "--no-record"), 1);
        assertTrue(err.contains("ONNX Runtime 1.29 crashes (SIGSEGV) from about 4 KB on"), err);
    }
}
