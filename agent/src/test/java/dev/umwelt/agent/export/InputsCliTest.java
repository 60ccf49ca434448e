package dev.umwelt.agent.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.CliTest;
import dev.umwelt.episodes.export.NpzReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code export --inputs} and the goal input on the command line: the shared recorded episodes
 * exported with the default inputs file (one sample per query, the in_* arrays and the embeddings);
 * a bad inputs file and a model whose goal input is wrong are exit 2 and one line naming the field.
 */
class InputsCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static String oneLine(CliTest.Outcome o) {
        return CliTest.oneLine(o);
    }

    @Test
    void theRecordedEpisodesExportAtTheQueryTicksWithEveryInput() throws IOException {
        RecordedDataset ds = RecordedDataset.shared();
        Path out = tmp.resolve("inputs");
        CliTest.Outcome o = CliTest.umwelt("export", ds.episodes.toString(), "--out", out.toString(), "--inputs",
                InputsParityTest.INPUTS.toString());
        assertEquals(0, o.code(), o.err());
        Map<String, NpzReader.Array> a = NpzReader.read(out.resolve("shard-00000.npz"));
        var meta = JSON.readTree(out.resolve("meta.json").toFile());
        for (int e = 0; e < 3; e++) {
            int ticks = ds.samples(e), samples = meta.get("episodes").get(e).get("samples").asInt();
            assertEquals((ticks + 3) / 4, samples, "episode " + e + ": every 4th of " + ticks + " ticks (5 Hz of 20 Hz)");
        }
        assertArrayEquals(new long[] {a.get("tick").rows(), 8, 48, 48}, a.get("in_belief").shape());
        assertArrayEquals(new long[] {a.get("tick").rows(), 2}, a.get("in_goal").shape());
        for (int r = 0; r < a.get("tick").rows(); r++) assertTrue(a.get("in_lidar_present").u8(r) <= 1, "flags are 0 or 1");
        // instruction_embeddings.npy: float32 [instructions, 384]
        byte[] npy = Files.readAllBytes(out.resolve("instruction_embeddings.npy"));
        String header = new String(npy, 0, 128, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (" + meta.get("instructions").size() + ", 384)"), header);
        assertEquals(5.0, meta.get("inputs").get("query_rate_hz").asDouble());
    }

    @Test
    void aBadInputsFileIsExitTwoNamingTheField() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(InputsParityTest.INPUTS.toFile());
        ((ObjectNode) root.get("inputs").get(3).get("belief")).set("channels",
                JSON.readTree("[\"occupied\",\"free\",\"unknown\",\"trail\",\"frontier\",\"target\",\"sound\",\"gaol\"]"));
        Path bad = tmp.resolve("bad.json");
        JSON.writeValue(bad.toFile(), root);
        String line = oneLine(CliTest.umwelt("export", tmp.toString(), "--out", tmp.resolve("o").toString(), "--inputs", bad.toString()));
        assertTrue(line.startsWith(bad + ": inputs[3].belief.channels[7]: unknown channel 'gaol'"), line);
    }

    @Test
    void aModelWithAWrongGoalInputIsExitTwoNamingTheField() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("m"));
        for (String f : new String[] {"model.onnx", "manifest.json", "README.md"}) Files.copy(InputsParityTest.MODEL.resolve(f), dir.resolve(f));
        ObjectNode m = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        ((ObjectNode) m.get("inputs").get(4)).set("shape", JSON.readTree("[-1, 3]"));
        JSON.writeValue(dir.resolve("manifest.json").toFile(), m);
        String line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla", "--model",
                dir.toString(), "--no-pictures", "--no-record"));
        assertEquals(dir.resolve("manifest.json") + ": inputs[4].shape: a goal input is [batch, 2] (x forward, y left, m): [-1, 3]", line);

        ((ObjectNode) m.get("inputs").get(4)).set("shape", JSON.readTree("[-1, 2]"));
        ((ArrayNode) m.get("inputs")).get(4).withObject("normalization").remove("std");
        JSON.writeValue(dir.resolve("manifest.json").toFile(), m);
        line = oneLine(CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "vla", "--model",
                dir.toString(), "--no-pictures", "--no-record"));
        assertEquals(dir.resolve("manifest.json") + ": inputs[4].normalization.std: missing", line);
    }
}
