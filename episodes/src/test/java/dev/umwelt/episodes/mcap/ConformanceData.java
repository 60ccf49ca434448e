package dev.umwelt.episodes.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The vendored official conformance variants: each a .mcap and a .json with its expected records. */
final class ConformanceData {
    static final Path ROOT = Path.of("src/test/resources/mcap-conformance/data");
    static final ObjectMapper JSON = new ObjectMapper();

    record Variant(String name, Path mcap, Set<String> features, JsonNode records) {}

    static List<Variant> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Variant> out = new ArrayList<>();
            for (Path mcap : files.filter(p -> p.toString().endsWith(".mcap")).sorted().toList()) {
                String stem = mcap.getFileName().toString().replace(".mcap", "");
                JsonNode json = JSON.readTree(mcap.resolveSibling(stem + ".json").toFile());
                Set<String> features = new HashSet<>();
                json.get("meta").get("variant").get("features").forEach(f -> features.add(f.asText()));
                out.add(new Variant(stem, mcap, features, json.get("records")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode render(McapRecord r) {
        try {
            return JSON.readTree(McapJson.render(r));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns a conformance JSON record into a record (only the writer's input types). */
    static McapRecord parse(JsonNode node) {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        node.get("fields").forEach(pair -> f.put(pair.get(0).asText(), pair.get(1)));
        return switch (node.get("type").asText()) {
            case "Header" -> new Header(f.get("profile").asText(), f.get("library").asText());
            case "Schema" -> new Schema(i(f, "id"), f.get("name").asText(), f.get("encoding").asText(), bytes(f.get("data")));
            case "Channel" -> new Channel(i(f, "id"), i(f, "schema_id"), f.get("topic").asText(),
                    f.get("message_encoding").asText(), strings(f.get("metadata")));
            case "Message" -> new Message(i(f, "channel_id"), l(f, "sequence"), l(f, "log_time"), l(f, "publish_time"),
                    bytes(f.get("data")));
            case "Attachment" -> new Attachment(l(f, "log_time"), l(f, "create_time"), f.get("name").asText(),
                    f.get("media_type").asText(), bytes(f.get("data")));
            case "Metadata" -> new Metadata(f.get("name").asText(), strings(f.get("metadata")));
            default -> null;
        };
    }

    private static int i(Map<String, JsonNode> f, String k) {
        return Integer.parseInt(f.get(k).asText());
    }

    private static long l(Map<String, JsonNode> f, String k) {
        return Long.parseUnsignedLong(f.get(k).asText());
    }

    private static byte[] bytes(JsonNode arr) {
        byte[] b = new byte[arr.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(arr.get(i).asText());
        return b;
    }

    private static Map<String, String> strings(JsonNode obj) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private ConformanceData() {}
}
