package dev.umwelt.episodes.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.umwelt.episodes.mcap.ConformanceData.Variant;
import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official MCAP conformance suite: streamed reads of all 416 variants, byte-exact writes of the 208 without pad. */
class McapConformanceTest {

    @Test
    void streamedReaderMatchesEveryVariant() throws Exception {
        List<Variant> variants = ConformanceData.all();
        assertEquals(416, variants.size());
        List<String> failures = new ArrayList<>();
        for (Variant v : variants) {
            ArrayNode got = ConformanceData.JSON.createArrayNode();
            try (McapStreamReader reader = McapStreamReader.open(v.mcap())) {
                for (McapRecord r; (r = reader.next()) != null; ) {
                    if (!(r instanceof MessageIndex)) got.add(ConformanceData.render(r));
                }
            } catch (Exception e) {
                failures.add(v.name() + ": " + e);
                continue;
            }
            if (!got.equals(v.records())) failures.add(v.name() + ":\n  got      " + got + "\n  expected " + v.records());
        }
        System.out.println("MCAP streamed reads: " + (variants.size() - failures.size()) + "/" + variants.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    @Test
    void conformanceWriterIsByteIdenticalForEveryVariantWithoutPad() throws Exception {
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (Variant v : ConformanceData.all()) {
            if (v.features().contains("pad")) continue;
            total++;
            byte[] expected = Files.readAllBytes(v.mcap());
            byte[] got = write(v);
            if (!java.util.Arrays.equals(expected, got)) {
                int at = java.util.Arrays.mismatch(expected, got);
                failures.add(v.name() + ": first difference at byte " + at + " (expected " + expected.length
                        + " bytes, wrote " + got.length + ")");
            }
        }
        System.out.println("MCAP byte-identical writes: " + (total - failures.size()) + "/" + total);
        assertEquals(208, total);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    static byte[] write(Variant v) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<McapRecord> inputs = new ArrayList<>();
        for (JsonNode node : v.records()) {
            if (node.get("type").asText().equals("DataEnd")) break; // the end of the writer's input
            McapRecord r = ConformanceData.parse(node);
            if (r != null) inputs.add(r);
        }
        Header header = (Header) inputs.get(0);
        try (McapWriter w = new McapWriter(bytes, McapWriteOptions.conformance(v.features(), header.profile(), header.library()))) {
            for (McapRecord r : inputs.subList(1, inputs.size())) {
                if (r instanceof Schema s) w.writeSchema(s);
                else if (r instanceof Channel c) w.writeChannel(c);
                else if (r instanceof Message m) w.writeMessage(m);
                else if (r instanceof Attachment a) w.writeAttachment(a);
                else if (r instanceof Metadata m) w.writeMetadata(m);
            }
        }
        return bytes.toByteArray();
    }
}
