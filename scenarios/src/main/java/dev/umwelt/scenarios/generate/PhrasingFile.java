package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.yaml.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of instruction templates by task, and of word synonyms, for re-rendering a scenario's
 * instruction ({@link Rephrasing}). Plain text, UTF-8:
 *
 * <pre>
 * # a comment; blank lines are skipped
 * [objectnav]
 * would you mind heading to the {colour} {shape}
 * [audiogoal]
 * track down the {sound} {device}
 * [pointnav]
 * get yourself to {x}, {y}
 * [synonyms]
 * box: crate, carton
 * </pre>
 *
 * Slots: objectnav {@code {colour} {shape}} (both required: they name the target) and
 * {@code {room}}; audiogoal {@code {sound}} ("beeping", "ringing") and/or {@code {device}}
 * ("alarm", "phone"), at least one, and {@code {room}}; pointnav {@code {x} {y}} (both). A
 * {@code [synonyms]} line {@code word: a, b} lets a slot whose value is {@code word} be written as
 * {@code word}, {@code a} or {@code b}. Every problem is refused on its line
 * ({@link ScenarioException}, {@code file:line: problem}; exit 2 on the command line).
 */
public record PhrasingFile(Path source, Map<String, List<Template>> templates, Map<String, List<String>> synonyms) {
    /** One template, with where it was written (for reports: which phrasing an episode got). */
    public record Template(String task, String text, int line) {
        /** The slot names the text uses, in order of first use. */
        public Set<String> slots() {
            Set<String> s = new LinkedHashSet<>();
            Matcher m = SLOT.matcher(text);
            while (m.find()) s.add(m.group(1));
            return s;
        }
    }

    static final Pattern SLOT = Pattern.compile("\\{([^{}]*)}");
    /** The slots each task's templates may use. */
    static final Map<String, Set<String>> SLOTS = Map.of(
            "objectnav", Set.of("colour", "shape", "room"),
            "audiogoal", Set.of("sound", "device", "room"),
            "pointnav", Set.of("x", "y"));
    private static final String SYNONYMS = "synonyms";

    public PhrasingFile {
        templates = Map.copyOf(templates);
        synonyms = Map.copyOf(synonyms);
    }

    public static PhrasingFile load(Path file) {
        if (!Files.isRegularFile(file)) throw new ScenarioException(file, 1, null, "no such phrasing file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new ScenarioException(file, 1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    public static PhrasingFile parse(String text, Path source) {
        Map<String, List<Template>> byTask = new LinkedHashMap<>();
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        String section = null;
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("[")) {
                if (!l.endsWith("]")) throw new ScenarioException(source, line, null, "a section header is [name]: '" + l + "'");
                section = l.substring(1, l.length() - 1).strip().toLowerCase(Locale.ROOT);
                if (!SLOTS.containsKey(section) && !section.equals(SYNONYMS)) {
                    throw new ScenarioException(source, line, null, "unknown section [" + section
                            + "] (known: [objectnav], [audiogoal], [pointnav], [synonyms])");
                }
                continue;
            }
            if (section == null) throw new ScenarioException(source, line, null, "'" + l + "' comes before any [section]");
            if (section.equals(SYNONYMS)) {
                synonym(l, source, line, synonyms);
                continue;
            }
            Template t = new Template(section, l.replaceAll("\\s+", " "), line);
            check(t, source);
            if (!seen.add(section + "\n" + t.text().toLowerCase(Locale.ROOT))) {
                throw new ScenarioException(source, line, null, "template written twice: '" + t.text() + "'");
            }
            byTask.computeIfAbsent(section, k -> new ArrayList<>()).add(t);
        }
        if (byTask.isEmpty()) throw new ScenarioException(source, 1, null, "no templates (sections [objectnav], [audiogoal], [pointnav])");
        byTask.replaceAll((k, v) -> List.copyOf(v));
        return new PhrasingFile(source, byTask, synonyms);
    }

    /** The templates for {@code task}; refused (naming the file) when it has none. */
    public List<Template> templatesFor(String task) {
        List<Template> t = templates.get(task);
        if (t == null) throw new ScenarioException(source, 1, null, "no [" + task + "] templates");
        return t;
    }

    /** How {@code value} may be written: itself, then its synonyms. */
    public List<String> spellings(String value) {
        List<String> s = new ArrayList<>();
        s.add(value);
        s.addAll(synonyms.getOrDefault(value.toLowerCase(Locale.ROOT), List.of()));
        return s;
    }

    private static void check(Template t, Path source) {
        String text = t.text();
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0 || depth > 1) throw new ScenarioException(source, t.line(), null, "unbalanced braces in '" + text + "'");
        }
        if (depth != 0) throw new ScenarioException(source, t.line(), null, "unbalanced braces in '" + text + "'");
        Set<String> allowed = SLOTS.get(t.task());
        for (String s : t.slots()) {
            if (!allowed.contains(s)) {
                throw new ScenarioException(source, t.line(), null, "unknown slot {" + s + "} in '" + text + "' ([" + t.task()
                        + "] slots: " + String.join(", ", allowed.stream().sorted().map(x -> "{" + x + "}").toList()) + ")");
            }
        }
        Set<String> s = t.slots();
        boolean named = switch (t.task()) {
            case "objectnav" -> s.contains("colour") && s.contains("shape");
            case "audiogoal" -> s.contains("sound") || s.contains("device");
            default -> s.contains("x") && s.contains("y");
        };
        if (!named) {
            String need = switch (t.task()) {
                case "objectnav" -> "{colour} and {shape}";
                case "audiogoal" -> "{sound} or {device}";
                default -> "{x} and {y}";
            };
            throw new ScenarioException(source, t.line(), null, "template without a target slot: '" + text + "' (an ["
                    + t.task() + "] template names its target with " + need + ")");
        }
    }

    private static void synonym(String l, Path source, int line, Map<String, List<String>> synonyms) {
        int colon = l.indexOf(':');
        String word = colon < 0 ? "" : l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        List<String> alts = colon < 0 ? List.of() : List.of(l.substring(colon + 1).split(",")).stream()
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
        if (word.isEmpty() || alts.isEmpty() || word.contains("{")) {
            throw new ScenarioException(source, line, null, "a synonyms line is 'word: other, other': '" + l + "'");
        }
        if (synonyms.containsKey(word)) throw new ScenarioException(source, line, null, "synonyms of '" + word + "' given twice");
        synonyms.put(word, alts);
    }
}
