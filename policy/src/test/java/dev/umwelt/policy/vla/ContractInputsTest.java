package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.umwelt.policy.vla.ModelDirectoryTest.TURTLE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The first model's contract inputs (src/test/resources/vla/contract.inputs.json; the shipped
 * policy/training/inputs/default.json is that plus the loudness and source channels): the committed contract
 * test model loads with them; each wrong field of the goal input (and of the new belief channels)
 * is refused naming it; the inputs file itself is read and checked like a manifest.
 */
class ContractInputsTest {
    static final Path INPUTS = Path.of("src", "test", "resources", "vla", "contract.inputs.json"); // the 8-channel contract of the test model

    @TempDir
    Path tmp;

    @Test
    void theContractModelLoadsWithTheGoalInputAndTheEightChannelBelief() {
        try (VlaModel m = ModelDirectory.load(TinyModel.contractDir(), TURTLE)) {
            var goal = m.manifest().input(ModelManifest.Source.GOAL);
            assertEquals("goal", goal.name());
            assertEquals("goal_present", goal.presenceInput());
            assertEquals(List.of("occupied", "free", "unknown", "trail", "frontier", "target", "sound", "goal"),
                    m.manifest().input(ModelManifest.Source.BELIEF).belief().channels());
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "", value = {
            "inputs[4].shape | [-1,3] | inputs[4].shape | [batch, 2]",
            "inputs[4].shape | [-1,2,1] | inputs[4].shape | [batch, 2]",
            "inputs[4].shape | [4,2] | inputs[4].shape | batch",
            "inputs[4].source | \"gaol\" | inputs[4].source | unknown source 'gaol' (known: camera, lidar, instruction, belief, goal)",
            "inputs[4].dtype | \"float16\" | inputs[4].dtype | not supported",
            "inputs[4].normalization | | inputs[4].normalization | missing",
            "inputs[4].normalization.std | [10,10,10] | inputs[4].normalization.std | 3 values for 2",
            "inputs[4].normalization.std | [0] | inputs[4].normalization.std | positive",
            "inputs[4].maskable | | inputs[4].maskable | missing",
            "inputs[4].presenceInput | | inputs[4].presenceInput | missing",
            "inputs[4].presenceInput | \"goal_here\" | inputs[4].presenceInput | no input 'goal_here'",
            "inputs[4].name | \"target\" | inputs[4].name | no input 'target'",
            "inputs[4].belief | {\"resolution\":0.25,\"channels\":[\"goal\"]} | inputs[4].belief | only a belief input",
            "inputs[3].belief.channels[5] | \"targets\" | inputs[3].belief.channels[5] | unknown channel 'targets' (known: occupied, free, unknown, trail, frontier, target, sound, goal, loudness, source, path)",
    })
    void oneWrongGoalOrChannelFieldIsRefusedNamingIt(String path, String value, String field, String words) {
        Path dir = TinyModel.withManifest(TinyModel.contractDir(), tmp, "m", m -> TinyModel.set(m, path, value));
        BadModelException e = ModelDirectoryTest.refused(dir, TURTLE);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("manifest.json") + ": " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void anUnmaskableGoalIsRefused() {
        Path dir = TinyModel.withManifest(TinyModel.contractDir(), tmp, "m", m -> {
            TinyModel.set(m, "inputs[4].maskable", "false");
            TinyModel.set(m, "inputs[4].presenceInput", null);
        });
        BadModelException e = ModelDirectoryTest.refused(dir, TURTLE);
        assertEquals("inputs[4].maskable", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("must be maskable"), e.getMessage());
    }

    @Test
    void theInputsFileGivesOneArrayPerInputAndPresenceFlag() {
        DatasetInputs d = DatasetInputs.read(INPUTS);
        assertEquals(5.0, d.queryRateHz());
        assertEquals(List.of("in_camera", "in_camera_present", "in_lidar", "in_lidar_present", "in_instruction", "in_belief",
                "in_goal", "in_goal_present"), d.columns().stream().map(DatasetInputs.Column::name).toList());
        var belief = d.columns().get(5);
        assertArrayEquals(new int[] {8, 48, 48}, belief.shape());
        assertEquals(DatasetInputs.Storage.UNIT, belief.storage());
        assertEquals(DatasetInputs.Storage.FLAG, d.columns().get(7).storage());
        assertEquals(DatasetInputs.Storage.FLOAT32, d.columns().get(6).storage());
    }

    @Test
    void theShippedInputsAreTheContractPlusTheHeardToneChannels() {
        DatasetInputs shipped = DatasetInputs.read(Path.of("training", "inputs", "default.json"));
        DatasetInputs heard = DatasetInputs.read(Path.of("src", "test", "resources", "vla", "contract-heard.inputs.json"));
        assertEquals(heard.columns().stream().map(c -> c.name() + java.util.Arrays.toString(c.shape())).toList(),
                shipped.columns().stream().map(c -> c.name() + java.util.Arrays.toString(c.shape())).toList());
        assertArrayEquals(new int[] {10, 48, 48}, shipped.columns().get(5).shape());
    }

    @Test
    void aRobotWhoseSensesCannotFeedTheInputsIsSaidWhy() {
        DatasetInputs d = DatasetInputs.read(INPUTS);
        assertNull(d.mismatch(TURTLE));
        var l = TURTLE.lidar();
        var fewer = TURTLE.withLidar(new dev.umwelt.bus.robot.LidarSpec(l.mount(), l.rateHz(), 180, l.angleMin(), l.angleMax(),
                l.rangeMin(), l.rangeMax(), l.noiseStddev(), l.dropoutProbability()));
        assertEquals("its robot's lidar has 180 beams, input 'lidar' takes 360", d.mismatch(fewer));
        var c = TURTLE.camera();
        assertEquals("its robot's camera is 32x24, smaller than input 'camera' (64x48)", d.mismatch(TURTLE.withCamera(
                new dev.umwelt.bus.robot.CameraSpec(c.x(), c.y(), c.z(), c.pitch(), c.rateHz(), 32, 24, c.horizontalFov()))));
        assertEquals("its robot has no camera, input 'camera' takes one", d.mismatch(TURTLE.withCamera(null)));
    }

    @Test
    void aBadInputsFileIsOneLineNamingFileAndField() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(INPUTS.toFile());
        TinyModel.set(root, "inputs[4].shape", "[-1,3]");
        Path bad = tmp.resolve("inputs.json");
        json.writeValue(bad.toFile(), root);
        BadModelException e = assertThrows(BadModelException.class, () -> DatasetInputs.read(bad));
        assertEquals(bad + ": inputs[4].shape: a goal input is [batch, 2] (x forward, y left, m): [-1, 3]", e.getMessage());

        TinyModel.set(root, "inputs[4].shape", "[-1,2]");
        root.put("queryRate", 5);
        json.writeValue(bad.toFile(), root);
        e = assertThrows(BadModelException.class, () -> DatasetInputs.read(bad));
        assertEquals("queryRate", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("unknown field (known: inputs, queryRateHz)"), e.getMessage());

        Files.writeString(bad, "{\"inputs\": [], \"queryRateHz\": 5}");
        e = assertThrows(BadModelException.class, () -> DatasetInputs.read(bad));
        assertEquals("inputs", e.field(), e.getMessage());
    }
}
