package dev.umwelt.bus.yaml;

import java.nio.file.Path;
import java.util.List;

/** A YAML sequence; its items carry paths such as {@code world.walls[2]}. */
public final class YamlList extends YamlNode {
    private final List<YamlNode> items;

    YamlList(Path file, int line, String path, List<YamlNode> items) {
        super(file, line, path);
        this.items = List.copyOf(items);
    }

    public List<YamlNode> items() { return items; }
    public int size() { return items.size(); }
    public YamlNode get(int i) { return items.get(i); }

    @Override
    String describe() {
        return "a list";
    }

    /** Exactly {@code n} numbers, each within {@code bound}, e.g. a point {@code [x, y]}. */
    public double[] numbers(int n, String what, Bound bound) {
        if (items.size() != n) throw error("expected " + what + " (" + n + " numbers), got " + items.size() + " items");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = items.get(i).asScalar("a number").asDouble(bound);
        return out;
    }

}
