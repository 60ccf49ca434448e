package dev.umwelt.bus.yaml;

import java.nio.file.Path;

/**
 * A node of a parsed YAML document that remembers where it came from (file, 1-based line,
 * dotted field path), so that every validation error can point at the offending text.
 */
public abstract sealed class YamlNode permits YamlMap, YamlList, YamlScalar {
    private final Path file;
    private final int line;
    private final String path;

    YamlNode(Path file, int line, String path) {
        this.file = file;
        this.line = line;
        this.path = path;
    }

    public Path file() { return file; }
    public int line() { return line; }
    /** Dotted field path from the document root, e.g. {@code world.objects[3].colour}. */
    public String path() { return path; }

    /** An error located at this node; the caller throws it. */
    public ScenarioException error(String problem) {
        return new ScenarioException(file, line, path, problem);
    }

    /** What the user wrote, for messages: {@code 'abc'}, {@code a list}, {@code a map}, {@code nothing}. */
    abstract String describe();

    public YamlMap asMap() {
        if (this instanceof YamlMap m) return m;
        throw error("expected a map of fields, got " + describe());
    }

    public YamlList asList() {
        if (this instanceof YamlList l) return l;
        throw error("expected a list, got " + describe());
    }

    public YamlScalar asScalar(String expected) {
        if (this instanceof YamlScalar s && !s.isNull()) return s;
        throw error("expected " + expected + ", got " + describe());
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
