package dev.umwelt.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree with line numbers, using Jackson's streaming YAML
 * parser (a data-binding tree would lose the locations we need for errors).
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    public static YamlMap readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file, 1, "", "cannot read file: " + e.getMessage(), e);
        }
        return read(text, file);
    }

    /** Parses one document whose top level must be a map; {@code file} is used in messages only. */
    public static YamlMap read(String text, Path file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ScenarioException(file, 1, "", "file is empty; expected a map of fields");
            YamlNode root = node(p, file, "", -1);
            return root.asMap();
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode node(JsonParser p, Path file, String path, int keyLine) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p.currentTokenLocation());
        int here = keyLine > 0 ? keyLine : line;
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int kl = line(p.currentTokenLocation());
                    String childPath = YamlNode.child(path, key);
                    if (fields.containsKey(key)) {
                        throw new ScenarioException(file, kl, childPath, "field '" + key + "' appears twice");
                    }
                    p.nextToken();
                    fields.put(key, node(p, file, childPath, kl));
                    keyLines.put(key, kl);
                }
                return new YamlMap(file, here, path, fields, keyLines);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, file, path + "[" + items.size() + "]", -1));
                }
                return new YamlList(file, here, path, items);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlScalar(file, line, path, p.getText(), YamlScalar.Kind.NUMBER);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlScalar(file, line, path, p.getText(), YamlScalar.Kind.BOOLEAN);
            case VALUE_NULL:
                return new YamlScalar(file, line, path, "", YamlScalar.Kind.NULL);
            default:
                return new YamlScalar(file, line, path, p.getText(), YamlScalar.Kind.STRING);
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? 1 : loc.getLineNr();
    }

    private static ScenarioException syntaxError(Path file, JsonProcessingException e) {
        // SnakeYAML knows the exact mark of the problem; Jackson's own location is a fallback.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                String problem = m.getProblem() == null ? "malformed YAML" : m.getProblem();
                return new ScenarioException(file, m.getProblemMark().getLine() + 1, "",
                        "YAML syntax error: " + problem, e);
            }
        }
        return new ScenarioException(file, line(e.getLocation()), "", "YAML syntax error: " + e.getOriginalMessage(), e);
    }
}
