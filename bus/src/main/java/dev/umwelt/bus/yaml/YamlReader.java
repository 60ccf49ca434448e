package dev.umwelt.bus.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;
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
 *
 * <p>Bounded and linear: a file holds at most {@link #MAX_BYTES} and one document, and no line is
 * longer than {@link #MAX_LINE}. SnakeYAML copies its whole look-ahead window every 1024
 * characters it reads, and a token's look-ahead is the rest of its line, so one long line costs
 * its length squared (a 4 MB word took 14.3 s, 8 MB 45.8 s on a loaded 2-core machine); with
 * lines capped the cost is at most MAX_LINE / 1024 copies per character.
 */
public final class YamlReader {
    /** Scenario, robot and bridge files are a few kB; the largest worlds the limits allow are a few MB. */
    public static final int MAX_BYTES = 16 << 20;
    /** Longer than any generated or hand-written line (descriptions, flow maps of one object). */
    public static final int MAX_LINE = 16 << 10;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions()).build();

    private YamlReader() {}

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        // One limit, ours (SnakeYAML's default is 3 M code points, which counts no comments).
        o.setCodePointLimit(MAX_BYTES);
        return o;
    }

    public static YamlMap readFile(Path file) {
        String text;
        try {
            // Not /dev/zero or a pipe: their size says nothing about what reading them costs.
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ScenarioException(file, 1, "", "cannot read file: not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) throw tooLarge(file, size, "bytes");
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file, 1, "", "cannot read file: " + e.getMessage(), e);
        }
        return read(text, file);
    }

    /** Parses one document whose top level must be a map; {@code file} is used in messages only. */
    public static YamlMap read(String text, Path file) {
        if (text.length() > MAX_BYTES) throw tooLarge(file, text.length(), "characters");
        requireShortLines(text, file);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new ScenarioException(file, 1, "", "file is empty; expected a map of fields");
            YamlNode root = node(p, file, "", -1);
            if (p.nextToken() != null) {
                throw new ScenarioException(file, documentStart(text, line(p.currentTokenLocation())), "",
                        "a second YAML document starts here; a file holds exactly one");
            }
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

    private static ScenarioException tooLarge(Path file, long size, String unit) {
        return new ScenarioException(file, 1, "", "file is " + size + " " + unit + "; at most " + MAX_BYTES + " (16 MiB) are read");
    }

    /** One pass over the text: the first line longer than {@link #MAX_LINE} is refused by number. */
    private static void requireShortLines(String text, Path file) {
        int line = 1, start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new ScenarioException(file, line, "", "line is " + (i - start) + " characters long; at most "
                            + MAX_LINE + " are allowed");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** The {@code ---} line at or before {@code tokenLine} that opened the second document (else the token's line). */
    private static int documentStart(String text, int tokenLine) {
        String[] lines = text.split("\n", -1);
        for (int l = Math.min(tokenLine, lines.length); l >= 1; l--) {
            if (lines[l - 1].startsWith("---")) return l;
        }
        return tokenLine;
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
