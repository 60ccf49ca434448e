package dev.umwelt.scenarios.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.umwelt.bus.yaml.Bound;
import dev.umwelt.scenarios.load.Bounds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One out-of-range value per end of every documented {@link Bound}, generated from
 * {@link Bounds#ALL} so that the table and the tests cannot drift: each case writes a valid robot
 * and scenario (real files) with that one number changed and knows the exact one-line refusal
 * the loader must give, {@code file:line: field: value outside [a, b] unit}. Robot fields go into
 * the robot file; the lidar and odometry fields are also tried as a scenario's overrides.
 */
public final class OutOfRangeCases {
    private OutOfRangeCases() {}

    /** A value written at {@code path} of the robot ({@code robotFile}) or the scenario file. */
    public record Case(Bound bound, String path, String value, boolean robotFile, int template) {
        /** Writes the files into {@code dir} and returns the scenario file to load. */
        public Path write(Path dir) {
            Written robot = Written.of(set(parse(ROBOT), robotFile ? path : null, value));
            Written scenario = Written.of(set(parse(SCENARIOS[template]), robotFile ? null : path, value));
            try {
                Files.createDirectories(dir.resolve("robots"));
                Files.writeString(dir.resolve("robots/bot.yaml"), robot.text());
                Files.writeString(dir.resolve("s.yaml"), scenario.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir.resolve("s.yaml");
        }

        /** The refusal the loader must print for the files {@link #write} put into {@code dir}. */
        public String expectedMessage(Path dir) {
            Path base = dir.toAbsolutePath().normalize();
            Path file = robotFile ? base.resolve("robots/bot.yaml") : base.resolve("s.yaml");
            Written w = Written.of(set(parse(robotFile ? ROBOT : SCENARIOS[template]), path, value));
            return file + ":" + w.lines().get(path) + ": " + path + ": " + value + " outside " + bound.range();
        }

        @Override
        public String toString() {
            return (robotFile ? "robot " : "scenario ") + path + " = " + value;
        }
    }

    /** Every case, in table order: for each bound its low end, then its high end. */
    public static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (Bound b : Bounds.ALL) {
            boolean inRobot = find(parse(ROBOT), b.field(), 0) != null;
            int template = -1;
            for (int t = 0; t < SCENARIOS.length && template < 0; t++) {
                if (find(parse(SCENARIOS[t]), b.field(), 0) != null) template = t;
            }
            if (!inRobot && template < 0) throw new IllegalStateException("no template holds " + b.field() + "; add it");
            for (int end = 0; end < 2; end++) {
                String value = outside(b, end == 0);
                if (inRobot) out.add(new Case(b, find(parse(ROBOT), b.field(), end), value, true, 0));
                if (template >= 0) out.add(new Case(b, find(parse(SCENARIOS[template]), b.field(), end), value, false, template));
            }
        }
        return out;
    }

    /** Just outside {@code b}: half the end's size beyond it (1 for whole numbers, 1% of the span beyond a 0). */
    static String outside(Bound b, boolean low) {
        double end = low ? b.min() : b.max();
        double step = b.whole() ? 1 : end != 0 ? Math.abs(end) * 0.5 : (b.max() - b.min()) * 0.01;
        double v = low ? end - step : end + step;
        return b.whole() && Math.abs(v) < 1e15 ? Long.toString((long) v) : Bound.text(v);
    }

    // Valid files that hold every bounded field; the tests check they load as they are.
    public static final String ROBOT = """
            name: bot
            footprintRadius: 0.18
            wheelbase: 0.3
            mass: 8
            safetyMargin: 0.1
            limits: {maxLinearVelocity: 0.8, maxAngularVelocity: 2.5, maxLinearAcceleration: 2, maxAngularAcceleration: 6}
            motionNoise: {slipStddev: 0.01}
            controlRate: 20
            commandTimeout: 0.5
            sensors:
              lidar: {mount: {x: 0.05, y: 0, yaw: 0}, rate: 20, beams: 360, angleMin: -180, angleMax: 180, rangeMin: 0.12,
                      rangeMax: 12, noise: 0.01, dropout: 0.001}
              odometry: {rate: 50, distanceScaleError: 0.01, yawDriftPerMetre: 0.3, noise: 0.005}
              camera: {x: 0.1, y: 0, z: 0.3, pitch: 5, rate: 10, width: 128, height: 96, horizontalFov: 90}
              microphones:
                - {frame: mic_left, x: 0, y: 0.1, z: 0.3}
                - {frame: mic_right, x: 0, y: -0.1, z: 0.3}
            """;

    private static final String WORLD_AND_REST = """
            world:
              walls:
                - {from: [0, 0], to: [6, 0], thickness: 0.1, height: 1}
                - {rect: {min: [0, 0], max: [6, 5]}}
              doors:
                - {at: [6, 2], width: 0.9}
              rooms:
                - {name: r, min: [0, 0], max: [6, 5]}
              objects:
                - {id: box1, shape: box, colour: red, at: [3, 2.5], yaw: 10, size: [0.5, 0.5, 0.5], mass: 2}
            sounds:
              wallAttenuation: 15
              noiseLevel: 30
              snr: 20
              sampleRate: 16000
              chunk: 0.1
              emitters:
                - {id: alarm, kind: beep, position: [5, 4], height: 0.3, frequency: 1000, level: 70, dutyCycle: 0.5, period: 1}
            faults:
              - {sensor: lidar, kind: noise, sigma: 0.5, from: 2, to: 4}
              - {sensor: odometry, kind: delay, delay: 0.3, from: 1, to: 5}
            sensors:
              lidar: {mount: {x: 0.05, y: 0, yaw: 0}, rate: 10, beams: 180, angleMin: -90, angleMax: 90, rangeMin: 0.1,
                      rangeMax: 10, noise: 0, dropout: 0}
              odometry: {rate: 50, distanceScaleError: 0.01, yawDriftPerMetre: 0.3, noise: 0.005}
            """;

    static final String[] SCENARIOS = {
            """
            name: bounds
            robot: bot
            seed: 1
            timeLimit: 30
            physicsRate: 100
            start: {x: 1, y: 1, yaw: 0}
            task: {type: pointnav, goal: {x: 4, y: 3}, successRadius: 0.3}
            """ + WORLD_AND_REST,
            """
            name: bounds-audio
            robot: bot
            timeLimit: 30
            start: {x: 1, y: 1, yaw: 0}
            task: {type: audiogoal, emitter: alarm, emitterRadius: 0.15, successRadius: 1}
            """ + WORLD_AND_REST};

    /** The valid template files, for checking that they load. */
    public static Path writeValid(Path dir, int template) {
        return new Case(Bounds.ALL.get(0), null, null, false, template).write(dir);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        try {
            return YAML.readValue(text, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The concrete path of {@code field} ({@code []} = the first item that holds the rest) in
     * {@code tree}, or null; a trailing {@code []} (a point's numbers) is item {@code index}.
     */
    @SuppressWarnings("unchecked")
    static String find(Object tree, String field, int index) {
        if (field.isEmpty()) return "";
        if (field.startsWith("[]")) {
            if (!(tree instanceof List<?> list)) return null;
            String rest = field.substring(2);
            if (rest.isEmpty()) return index < list.size() ? "[" + index + "]" : null;
            for (int i = 0; i < list.size(); i++) {
                String r = find(list.get(i), rest.substring(1), index);
                if (r != null) return "[" + i + "]" + (r.isEmpty() ? "" : "." + r);
            }
            return null;
        }
        if (!(tree instanceof Map<?, ?> map)) return null;
        int cut = indexOfAny(field);
        String key = cut < 0 ? field : field.substring(0, cut);
        if (!map.containsKey(key)) return null;
        String rest = cut < 0 ? "" : field.charAt(cut) == '.' ? field.substring(cut + 1) : field.substring(cut);
        String r = find(((Map<String, Object>) map).get(key), rest, index);
        if (r == null) return null;
        return r.isEmpty() ? key : r.startsWith("[") ? key + r : key + "." + r;
    }

    private static int indexOfAny(String field) {
        int dot = field.indexOf('.'), bracket = field.indexOf('[');
        return dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
    }

    /** {@code tree} with the scalar at the concrete {@code path} replaced by {@code value} (null path: unchanged). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> set(Map<String, Object> tree, String path, String value) {
        if (path == null) return tree;
        Object node = tree;
        List<Object> steps = new ArrayList<>();
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) continue;
            steps.add(part.startsWith("[") ? (Object) Integer.parseInt(part.substring(1, part.length() - 1)) : part);
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            Object s = steps.get(i);
            node = s instanceof Integer n ? ((List<Object>) node).get(n) : ((Map<String, Object>) node).get(s);
        }
        Object last = steps.get(steps.size() - 1);
        Object raw = new Raw(value);
        if (last instanceof Integer n) ((List<Object>) node).set(n, raw);
        else ((Map<String, Object>) node).put((String) last, raw);
        return tree;
    }

    /** A number written exactly as the case spells it. */
    record Raw(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Block maps at the top, flow style below a list item or inside a block map's flow value, as
     * the catalog writes; {@code lines} maps every scalar's path to its 1-based line.
     */
    record Written(String text, Map<String, Integer> lines) {
        static Written of(Map<String, Object> tree) {
            StringBuilder out = new StringBuilder();
            Map<String, Integer> lines = new LinkedHashMap<>();
            block(tree, "", "", out, lines);
            return new Written(out.toString(), lines);
        }

        private static void block(Map<String, Object> map, String indent, String path, StringBuilder out,
                                  Map<String, Integer> lines) {
            for (Map.Entry<String, Object> e : map.entrySet()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                Object v = e.getValue();
                int line = (int) out.chars().filter(c -> c == '\n').count() + 1;
                if (v instanceof Map<?, ?> m && (indent.isEmpty() || m.values().stream().anyMatch(x -> x instanceof Map<?, ?>))) {
                    out.append(indent).append(e.getKey()).append(":\n");
                    @SuppressWarnings("unchecked") Map<String, Object> child = (Map<String, Object>) m;
                    block(child, indent + "  ", p, out, lines);
                } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>) {
                    out.append(indent).append(e.getKey()).append(":\n");
                    for (int i = 0; i < l.size(); i++) {
                        int itemLine = (int) out.chars().filter(c -> c == '\n').count() + 1;
                        out.append(indent).append("  - ").append(flow(l.get(i), p + "[" + i + "]", itemLine, lines)).append('\n');
                    }
                } else {
                    out.append(indent).append(e.getKey()).append(": ").append(flow(v, p, line, lines)).append('\n');
                }
            }
        }

        private static String flow(Object v, String path, int line, Map<String, Integer> lines) {
            if (v instanceof Map<?, ?> m) {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    parts.add(e.getKey() + ": " + flow(e.getValue(), path + "." + e.getKey(), line, lines));
                }
                return "{" + String.join(", ", parts) + "}";
            }
            if (v instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) parts.add(flow(l.get(i), path + "[" + i + "]", line, lines));
                return "[" + String.join(", ", parts) + "]";
            }
            lines.put(path, line);
            return String.valueOf(v);
        }
    }
}
