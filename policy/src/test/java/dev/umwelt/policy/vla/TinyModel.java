package dev.umwelt.policy.vla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The committed random-weight test model (src/test/resources/vla/tiny, made by
 * policy/training/export_model.py: 114k parameters, 463 KB) and copies of it with a field
 * changed. Public: the agent's tests use it too.
 */
public final class TinyModel {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TinyModel() {}

    /** The committed directory, found from the policy module or from a sibling module's tests. */
    public static Path dir() {
        for (Path p : new Path[] {Path.of("src/test/resources/vla/tiny"), Path.of("../policy/src/test/resources/vla/tiny")}) {
            if (Files.isRegularFile(p.resolve(ModelDirectory.MODEL))) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("the tiny test model is missing (policy/src/test/resources/vla/tiny)");
    }

    /**
     * The committed test model with the first model's contract inputs (src/test/resources/vla/contract,
     * made by policy/training/contract_test_model.py from policy/training/inputs/default.json).
     */
    public static Path contractDir() {
        return dir().resolveSibling("contract");
    }

    /** A copy of the tiny model in {@code parent}/{@code name}. */
    public static Path copy(Path parent, String name) {
        return copy(dir(), parent, name);
    }

    /** A copy of the model directory {@code source} in {@code parent}/{@code name}. */
    public static Path copy(Path source, Path parent, String name) {
        try {
            Path d = Files.createDirectories(parent.resolve(name));
            for (String f : new String[] {ModelDirectory.MODEL, ModelDirectory.MANIFEST, ModelDirectory.CARD}) {
                Files.copy(source.resolve(f), d.resolve(f));
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy whose manifest {@code edit} changed. */
    public static Path withManifest(Path parent, String name, Consumer<ObjectNode> edit) {
        return withManifest(dir(), parent, name, edit);
    }

    /** A copy of {@code source} whose manifest {@code edit} changed. */
    public static Path withManifest(Path source, Path parent, String name, Consumer<ObjectNode> edit) {
        Path d = copy(source, parent, name);
        try {
            ObjectNode m = (ObjectNode) JSON.readTree(d.resolve(ModelDirectory.MANIFEST).toFile());
            edit.accept(m);
            JSON.writeValue(d.resolve(ModelDirectory.MANIFEST).toFile(), m);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the field at a dotted path with indexes ({@code inputs[0].shape}) to {@code value}
     * (parsed as JSON), or removes it when {@code value} is null.
     */
    public static void set(ObjectNode root, String path, String value) {
        JsonNode node = root;
        String[] parts = path.split("\\.");
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            boolean last = p == parts.length - 1;
            if (bracket < 0 && last) {
                if (value == null) ((ObjectNode) node).remove(key);
                else ((ObjectNode) node).set(key, parse(value));
                return;
            }
            node = node.get(key);
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
                if (last) {
                    if (value == null) ((ArrayNode) node).remove(index);
                    else ((ArrayNode) node).set(index, parse(value));
                    return;
                }
                node = node.get(index);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
