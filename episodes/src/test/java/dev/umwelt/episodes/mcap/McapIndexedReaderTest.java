package dev.umwelt.episodes.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.umwelt.episodes.mcap.ConformanceData.Variant;
import dev.umwelt.episodes.mcap.McapRecord.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test (b) of the conformance suite: the indexed reader on the variants with ch, chx, mx, rch and rsh. */
class McapIndexedReaderTest {

    @Test
    void indexedReaderMatchesTheVariantsWithChunkIndexes() throws Exception {
        int checked = 0;
        for (Variant v : ConformanceData.all()) {
            if (!v.features().containsAll(Set.of("ch", "chx", "mx", "rch", "rsh"))) continue;
            checked++;
            try (McapIndexedReader reader = McapIndexedReader.open(v.mcap())) {
                ArrayNode got = ConformanceData.JSON.createArrayNode();
                reader.schemas().forEach(s -> got.add(ConformanceData.render(s)));
                reader.channels().forEach(c -> got.add(ConformanceData.render(c)));
                reader.readMessages().forEach(m -> got.add(ConformanceData.render(m)));
                reader.statistics().ifPresent(s -> got.add(ConformanceData.render(s)));
                assertEquals(expected(v.records()), got, v.name());
            }
        }
        System.out.println("MCAP indexed reads: " + checked + "/" + checked);
        assertEquals(16, checked);
    }

    @Test
    void timeRangeAndTopicFilter() throws Exception {
        Variant v = ConformanceData.all().stream()
                .filter(x -> x.name().equals("TenMessages-ch-chx-mx-rch-rsh")).findFirst().orElseThrow();
        try (McapIndexedReader reader = McapIndexedReader.open(v.mcap())) {
            List<Long> times = reader.readMessages(2, 4, null).stream().map(Message::logTime).toList();
            assertEquals(List.of(2L, 3L, 3L, 4L), times);
            assertEquals(0, reader.readMessages(0, 100, Set.of("other")).size());
            assertEquals(10, reader.readMessages(0, 100, Set.of("example")).size());
        }
    }

    /** What the README derives from the .json: first schema/channel per id, stably time-sorted messages, statistics. */
    private static ArrayNode expected(JsonNode records) {
        Map<Long, JsonNode> schemas = new java.util.TreeMap<>(), channels = new java.util.TreeMap<>();
        List<JsonNode> messages = new ArrayList<>(), stats = new ArrayList<>();
        for (JsonNode r : records) {
            String type = r.get("type").asText();
            Map<String, JsonNode> f = new LinkedHashMap<>();
            r.get("fields").forEach(p -> f.put(p.get(0).asText(), p.get(1)));
            switch (type) {
                case "Schema" -> schemas.putIfAbsent(Long.parseLong(f.get("id").asText()), r);
                case "Channel" -> channels.putIfAbsent(Long.parseLong(f.get("id").asText()), r);
                case "Message" -> messages.add(r);
                case "Statistics" -> stats.add(r);
                default -> { }
            }
        }
        messages.sort(Comparator.comparingLong(m -> Long.parseLong(m.get("fields").get(2).get(1).asText())));
        ArrayNode out = ConformanceData.JSON.createArrayNode();
        schemas.values().forEach(out::add);
        channels.values().forEach(out::add);
        messages.forEach(out::add);
        stats.forEach(out::add);
        return out;
    }
}
