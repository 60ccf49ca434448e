package dev.umwelt.policy.vla;

import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.RobotDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A model directory with one thing wrong is refused at load with one line naming the file and
 * the field; the committed tiny model loads. Every case is a real directory and a real ONNX
 * Runtime session.
 */
class ModelDirectoryTest {
    static final RobotDescription TURTLE = RobotResolver.catalogRobot("turtle");

    @TempDir
    Path tmp;

    static BadModelException refused(Path dir, RobotDescription robot) {
        BadModelException e = assertThrows(BadModelException.class, () -> ModelDirectory.load(dir, robot).close());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void theTinyModelLoadsOnTheCpuWithItsManifest() {
        try (VlaModel m = ModelDirectory.load(TinyModel.dir(), TURTLE)) {
            assertEquals("cpu", m.device());
            assertEquals(ModelDirectory.sha256(TinyModel.dir().resolve("model.onnx")), m.sha256());
            assertEquals(ModelManifest.Fusion.EARLY, m.manifest().fusionKind());
            assertEquals(5, m.manifest().action().chunkLength());
            assertEquals(ModelManifest.ActionSpace.WAYPOINTS, m.manifest().action().spaceKind());
            assertNotNull(m.encoder(), "the model takes an instruction");
        }
    }

    /** field path, new value as JSON (empty: removed), the field the refusal names, a word of its message. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "format | 2 | format | readable",
            "name | \"\" | name | empty",
            "inputs | [] | inputs | at least one",
            "inputs[0].name | \"cam\" | inputs[0].name | no input 'cam'",
            "inputs[0].source | \"radar\" | inputs[0].source | unknown source",
            "inputs[1].source | \"camera\" | inputs[1].source | a second",
            "inputs[0].shape | [-1,3,48,65] | inputs[0].shape | [-1, 3, 48, 64]",
            "inputs[0].shape | [2,3,48,64] | inputs[0].shape | batch",
            "inputs[0].shape | [-1,1,48,64] | inputs[0].shape | 3 channels",
            "inputs[0].dtype | \"float16\" | inputs[0].dtype | not supported",
            "inputs[0].normalization | | inputs[0].normalization | missing",
            "inputs[0].normalization.mean | [0.5,0.5] | inputs[0].normalization.mean | 2 values for 3",
            "inputs[0].normalization.std | [0.25,0,0.25] | inputs[0].normalization.std | positive",
            "inputs[0].maskable | | inputs[0].maskable | missing",
            "inputs[0].presenceInput | \"cam_present\" | inputs[0].presenceInput | no input 'cam_present'",
            "inputs[0].presenceInput | \"lidar\" | inputs[0].presenceInput | another input",
            "inputs[2].presenceInput | \"x\" | inputs[2].presenceInput | only a maskable",
            "inputs[1].shape | [-1,1,180] | sensors.lidar.beams | 180",
            "inputs[2].shape | [-1,512] | inputs[2].shape | 384",
            "inputs[3].belief.resolution | 0 | inputs[3].belief.resolution | positive",
            "inputs[3].belief.channels[1] | \"walls\" | inputs[3].belief.channels[1] | unknown channel",
            "inputs[3].belief.channels | [\"free\"] | inputs[3].belief.channels | 1 channels named for 4",
            "inputs[3].belief | | inputs[3].belief | missing",
            "sensors | | sensors | missing",
            "sensors.camera | | sensors.camera | missing",
            "sensors.camera.width | | sensors.camera.width | missing",
            "sensors.camera.height | -96 | sensors.camera.height | positive",
            "sensors.camera.horizontalFovDegrees | 400 | sensors.camera.horizontalFovDegrees | below 360",
            "sensors.lidar.beams | 180 | sensors.lidar.beams | trained for 180 beams",
            "queryRateHz | 0 | queryRateHz | positive",
            "queryRateHz | \"fast\" | queryRateHz | fast",
            "action | | action | missing",
            "action.space | \"joints\" | action.space | velocity, waypoints",
            "action.output | \"actions\" | action.output | no output 'actions'",
            "action.stopOutput | \"stop\" | action.stopOutput | no output 'stop'",
            "action.stopOutput | \"waypoints\" | action.stopOutput | differ",
            "action.chunkLength | 4 | action.chunkLength | [-1, 4, 2]",
            "action.chunkLength | 0 | action.chunkLength | positive",
            "action.timeStepSeconds | -0.2 | action.timeStepSeconds | positive",
            "action.timeStepSeconds | 0.01 | action.chunkLength | between queries",
            "action.unnormalization.scale | [0.15] | action.unnormalization.scale | 2",
            "action.unnormalization.scale | [0.15,0] | action.unnormalization.scale | not be 0",
            "action.unnormalization.offset | [0.1,null] | action.unnormalization.offset | finite",
            "action.ensembleDecay | | action.ensembleDecay | missing",
            "fusion | \"middle\" | fusion | early, late, cross-attention",
            "requiredModalities | [\"lidar\",\"smell\"] | requiredModalities[1] | smell",
            "requiredModalities | [\"lidar\",\"lidar\"] | requiredModalities[1] | twice",
            "requiredModalities | [\"lidar\",\"odometry\",\"audio\"] | sensedModalities | audio",
            "sensedModalities | [\"lidar\",\"odometry\"] | sensedModalities | camera",
            "textEncoder | \"bert-base\" | textEncoder | all-MiniLM-L6-v2",
            "modelSha256 | \"abc\" | modelSha256 | 64",
            "modelSha256 | \"0000000000000000000000000000000000000000000000000000000000000000\" | modelSha256 | does not match",
            "provenance | | provenance | missing",
            "provenance.commit | \"\" | provenance.commit | empty",
            "provenance.command | | provenance.command | missing",
            "provenance.data | | provenance.data | missing",
            "colour | \"red\" | colour | unknown field",
    })
    void oneWrongManifestFieldIsRefusedNamingIt(String path, String value, String field, String words) {
        Path dir = TinyModel.withManifest(tmp, "m", m -> TinyModel.set(m, path, value));
        BadModelException e = refused(dir, TURTLE);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("manifest.json") + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void anUnmaskableSenseMustBeRequired() {
        // Lidar no longer maskable: it would be fed absent unless the watchdog stops the robot without it.
        Path dir = TinyModel.withManifest(tmp, "m", m -> {
            TinyModel.set(m, "inputs[1].maskable", "false");
            TinyModel.set(m, "inputs[1].presenceInput", null);
            TinyModel.set(m, "requiredModalities", "[\"odometry\"]");
        });
        BadModelException e = refused(dir, TURTLE);
        assertEquals("requiredModalities", e.field());
        assertTrue(e.getMessage().endsWith("misses 'lidar': input 'lidar' is not maskable"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        Path dir = TinyModel.copy(tmp, "m");
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"format\": 1,\n  \"name\": oops\n}\n");
        BadModelException e = refused(dir, TURTLE);
        assertTrue(e.getMessage().startsWith(dir.resolve("manifest.json") + ": line 3, column "), e.getMessage());
    }

    @Test
    void aGraphInputTheManifestDoesNotFeedIsNamedOnTheModelFile() {
        // The belief input dropped from the manifest: the graph still takes it.
        Path dir = TinyModel.withManifest(tmp, "m", m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("inputs")).remove(3));
        BadModelException e = refused(dir, TURTLE);
        assertEquals(dir.resolve("model.onnx"), e.file());
        assertEquals("input 'belief'", e.field());
    }

    @Test
    void aFileThatIsNotOnnxIsRefusedEvenWithItsHashRight() throws Exception {
        Path dir = TinyModel.copy(tmp, "m");
        Files.writeString(dir.resolve("model.onnx"), "this is not a model\n");
        String sha = ModelDirectory.sha256(dir.resolve("model.onnx"));
        Path fixed = TinyModel.withManifest(tmp, "n", m -> m.put("modelSha256", sha));
        Files.copy(dir.resolve("model.onnx"), fixed.resolve("model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BadModelException e = refused(fixed, TURTLE);
        assertEquals(fixed.resolve("model.onnx"), e.file());
        assertEquals("onnx", e.field());
        assertTrue(e.getMessage().contains("not an ONNX model"), e.getMessage());
    }

    @Test
    void aModelFileChangedAfterItsManifestWasWrittenFailsTheHash() throws Exception {
        Path dir = TinyModel.copy(tmp, "m");
        byte[] b = Files.readAllBytes(dir.resolve("model.onnx"));
        b[b.length - 1] ^= 1;
        Files.write(dir.resolve("model.onnx"), b);
        BadModelException e = refused(dir, TURTLE);
        assertEquals("modelSha256", e.field());
        assertTrue(e.getMessage().contains(ModelDirectory.sha256(dir.resolve("model.onnx"))), "names the file's real hash: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"model.onnx", "manifest.json", "README.md"})
    void eachMissingFileIsNamed(String file) throws Exception {
        Path dir = TinyModel.copy(tmp, "m");
        Files.delete(dir.resolve(file));
        BadModelException e = refused(dir, TURTLE);
        assertEquals(dir.resolve(file), e.file());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        BadModelException e = refused(tmp.resolve("nothing-here"), TURTLE);
        assertEquals("directory", e.field());
    }

    @Test
    void aRobotWhoseSensorsDifferIsRefusedSayingWhich() {
        Path dir = TinyModel.dir();
        LidarSpec l = TURTLE.lidar();
        RobotDescription fewerBeams = TURTLE.withLidar(new LidarSpec(l.mount(), l.rateHz(), 180, l.angleMin(), l.angleMax(),
                l.rangeMin(), l.rangeMax(), l.noiseStddev(), l.dropoutProbability()));
        BadModelException e = refused(dir, fewerBeams);
        assertEquals("sensors.lidar.beams", e.field());
        assertTrue(e.getMessage().contains("trained for 360 beams; robot 'turtle'") && e.getMessage().endsWith("has 180"), e.getMessage());

        CameraSpec c = TURTLE.camera();
        e = refused(dir, TURTLE.withCamera(new CameraSpec(c.x(), c.y(), c.z(), c.pitch(), c.rateHz(), 64, 48, c.horizontalFov())));
        assertEquals("sensors.camera", e.field());
        assertTrue(e.getMessage().contains("trained for 128x96 frames") && e.getMessage().endsWith("delivers 64x48"), e.getMessage());

        e = refused(dir, TURTLE.withCamera(new CameraSpec(c.x(), c.y(), c.z(), c.pitch(), c.rateHz(), 128, 96, Math.toRadians(60))));
        assertEquals("sensors.camera.horizontalFovDegrees", e.field());
        assertTrue(e.getMessage().contains("trained for 90.00 degrees") && e.getMessage().endsWith("has 60.00"), e.getMessage());

        e = refused(dir, TURTLE.withCamera(null));
        assertEquals("sensors.camera", e.field());
        assertTrue(e.getMessage().endsWith("has none"), e.getMessage());
    }

    @Test
    void cudaAskedForOnTheCpuJarFallsBackToTheCpu() {
        try (VlaModel m = ModelDirectory.load(TinyModel.dir(), TURTLE, ModelDirectory.Inference.CUDA)) {
            assertEquals("cpu", m.device(), "this build has the CPU jar: CUDA cannot be had");
        }
        assertThrows(IllegalArgumentException.class, () -> ModelDirectory.Inference.of("tpu"));
        assertEquals(ModelDirectory.Inference.CUDA, ModelDirectory.Inference.of("cuda"));
    }
}
