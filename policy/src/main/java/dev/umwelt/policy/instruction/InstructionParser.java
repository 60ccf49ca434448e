package dev.umwelt.policy.instruction;

import dev.umwelt.bus.appearance.Shape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a navigation instruction into a {@link Target} for the classical stack: pure Java, a
 * fixed vocabulary ({@link Vocabulary}), no model. Grammar, loosely: any order of known words;
 * a colour and a shape or label make an object ("the red box", "the table"), "near/by/beside/
 * next to/close to the X" a landmark, "in the <room>" a room; sound adjectives, devices and nouns
 * ("beeping", "alarm", "the sound") a sound; two numbers a point ("go to 3.5, -2", "x 1, y 2").
 * Contradictions (two colours, two objects, an object and a point) and a missing target are
 * problems, never resolved by guessing; words outside the vocabulary are listed as unknown.
 * Thread-safe (stateless).
 */
public final class InstructionParser {
    private static final Pattern TOKEN = Pattern.compile("-?\\d+(?:\\.\\d+)?|[a-z]+(?:'[a-z]+)?");

    public ParsedInstruction parse(String text) {
        List<String> tokens = phrases(tokens(text));
        Parts p = new Parts();
        for (int i = 0; i < tokens.size(); i++) i = word(tokens, i, p);
        return p.build();
    }

    /** Lower-case words and signed decimals; punctuation separates and is dropped. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Joins known two-word phrases ("living room", "plant pot", "alarm clock") into one token. */
    static List<String> phrases(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (i + 1 < tokens.size() && Vocabulary.PHRASES.contains(tokens.get(i) + " " + tokens.get(i + 1))) {
                out.add(tokens.get(i) + " " + tokens.get(++i));
            } else {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    /** Consumes the word at {@code i} (and any it governs); returns the index of the last word consumed. */
    private static int word(List<String> t, int i, Parts p) {
        String w = t.get(i);
        if (Character.isDigit(w.charAt(w.length() - 1))) {
            String axis = i > 0 && (t.get(i - 1).equals("x") || t.get(i - 1).equals("y")) ? t.get(i - 1) : null;
            p.numbers.add(new Num(Double.parseDouble(w), axis));
            return i;
        }
        if (w.equals("in")) {
            int j = skipArticle(t, i + 1);
            Room r = room(t, j);
            if (r != null) {
                p.rooms.add(r.name);
                return r.last;
            }
            return i; // "in" with no room after it is only a preposition
        }
        if (Vocabulary.NEAR.contains(w)) {
            int j = i + 1;
            if ((w.equals("next") || w.equals("close")) && j < t.size() && t.get(j).equals("to")) j++;
            j = skipArticle(t, j);
            if (j < t.size() && isLandmark(t.get(j))) {
                p.landmarks.add(t.get(j));
                return j;
            }
            p.problems.add("'" + w + "' names no landmark");
            return j - 1;
        }
        Room bare = room(t, i);
        if (bare != null) {
            p.rooms.add(bare.name);
            return bare.last;
        }
        if (Vocabulary.COLOURS.containsKey(w)) p.colours.add(Vocabulary.COLOURS.get(w));
        else if (Vocabulary.SHAPES.containsKey(w)) p.objects.add(Vocabulary.shapeLabel(Vocabulary.SHAPES.get(w)));
        else if (Vocabulary.LABELS.containsKey(w)) p.objects.add(w);
        else if (Vocabulary.SOUND_DEVICES.contains(w)) p.soundDevices.add(w);
        else if (Vocabulary.SOUND_ADJECTIVES.contains(w)) p.soundAdjectives.add(w);
        else if (Vocabulary.SOUND_NOUNS.contains(w)) p.soundNouns.add(w);
        else if (!Vocabulary.STOP.contains(w) && !Vocabulary.LANDMARKS.contains(w) && !p.unknown.contains(w)) p.unknown.add(w);
        // A bare landmark word ("the door") is known but names no target: build() says so.
        if (Vocabulary.LANDMARKS.contains(w)) p.bareLandmarks.add(w);
        return i;
    }

    private static int skipArticle(List<String> t, int j) {
        return j < t.size() && (t.get(j).equals("the") || t.get(j).equals("a")) ? j + 1 : j;
    }

    private static boolean isLandmark(String w) {
        return Vocabulary.LANDMARKS.contains(w) || Vocabulary.LABELS.containsKey(w) || Vocabulary.SHAPES.containsKey(w);
    }

    private record Room(String name, int last) {}

    /** A room name at {@code j}: a known one, "<word> room|corridor|hall", or "room <letter>"; null when none. */
    private static Room room(List<String> t, int j) {
        if (j >= t.size()) return null;
        String w = t.get(j);
        String next = j + 1 < t.size() ? t.get(j + 1) : null;
        if (w.equals("room") && next != null && next.length() == 1 && Character.isLetter(next.charAt(0)) && !next.equals("a")
                || w.equals("room") && next != null && next.equals("a") && j + 2 >= t.size()) {
            return new Room("room " + next, j + 1);
        }
        if (next != null && Vocabulary.ROOM_HEADS.contains(next) && !Vocabulary.COLOURS.containsKey(w) && !Vocabulary.STOP.contains(w)
                && !Vocabulary.ROOMS.contains(w) && w.chars().allMatch(Character::isLetter)) {
            return new Room(w + " " + next, j + 1);
        }
        return Vocabulary.ROOMS.contains(w) ? new Room(w, j) : null;
    }

    private record Num(double value, String axis) {}

    /** What the words said, before it is checked for one consistent target. */
    private static final class Parts {
        final List<Num> numbers = new ArrayList<>();
        final Set<String> colours = new LinkedHashSet<>(), objects = new LinkedHashSet<>(), rooms = new LinkedHashSet<>();
        final Set<String> landmarks = new LinkedHashSet<>(), bareLandmarks = new LinkedHashSet<>();
        final List<String> soundDevices = new ArrayList<>(), soundAdjectives = new ArrayList<>(), soundNouns = new ArrayList<>();
        final List<String> unknown = new ArrayList<>(), problems = new ArrayList<>();

        ParsedInstruction build() {
            several("colours", colours);
            several("objects", objects);
            several("rooms", rooms);
            several("landmarks", landmarks);
            List<String> kinds = new ArrayList<>();
            if (!numbers.isEmpty()) kinds.add("a point");
            if (!colours.isEmpty() || !objects.isEmpty()) kinds.add("an object (" + String.join(" ", join(colours, objects)) + ")");
            boolean sound = !soundDevices.isEmpty() || !soundAdjectives.isEmpty() || !soundNouns.isEmpty();
            if (sound) kinds.add("a sound (" + soundWord() + ")");
            if (kinds.isEmpty()) {
                String why = !rooms.isEmpty() ? " (a room alone is not a target: " + String.join(", ", rooms) + ")"
                        : !bareLandmarks.isEmpty() || !landmarks.isEmpty() ? " (a landmark alone is not a target: "
                        + String.join(", ", join(bareLandmarks, landmarks)) + ")" : "";
                problems.add("no target named" + why);
            } else if (kinds.size() > 1) {
                problems.add("more than one target: " + list(kinds));
            }
            Target target = null;
            if (kinds.size() == 1) {
                if (!numbers.isEmpty()) target = point();
                else if (sound) target = sound();
                else target = object();
            }
            return new ParsedInstruction(problems.isEmpty() ? Optional.ofNullable(target) : Optional.empty(), unknown, problems);
        }

        private void several(String what, Set<String> s) {
            if (s.size() > 1) problems.add((s.size() == 2 ? "two " : s.size() + " ") + what + ": " + list(new ArrayList<>(s)));
        }

        private Target object() {
            String colour = colours.isEmpty() ? null : colours.iterator().next();
            String label = objects.isEmpty() ? null : objects.iterator().next();
            Shape shape = label == null ? null : Vocabulary.SHAPES.containsKey(label) ? Vocabulary.SHAPES.get(label) : Vocabulary.LABELS.get(label);
            return new ObjectTarget(colour, shape, label, landmarks.stream().findFirst(), rooms.stream().findFirst());
        }

        private String soundWord() {
            return !soundDevices.isEmpty() ? soundDevices.get(0) : !soundAdjectives.isEmpty() ? soundAdjectives.get(0) : soundNouns.get(0);
        }

        private Target sound() {
            if (!landmarks.isEmpty()) problems.add("a landmark (near the " + landmarks.iterator().next() + ") qualifies objects, not sounds");
            return new SoundTarget(soundWord(), rooms.stream().findFirst());
        }

        private Target point() {
            if (!rooms.isEmpty() || !landmarks.isEmpty()) problems.add("a point needs no room or landmark: " + list(new ArrayList<>(join(rooms, landmarks))));
            if (numbers.size() != 2) {
                problems.add(numbers.size() == 1 ? "one number (" + text(numbers.get(0).value) + "): a point needs x and y"
                        : numbers.size() + " numbers: a point needs exactly x and y");
                return null;
            }
            Num a = numbers.get(0), b = numbers.get(1);
            if (a.axis != null && a.axis.equals(b.axis)) {
                problems.add("two " + a.axis + " values: " + text(a.value) + " and " + text(b.value));
                return null;
            }
            boolean swapped = "y".equals(a.axis) || "x".equals(b.axis);
            return swapped ? new PointTarget(b.value, a.value) : new PointTarget(a.value, b.value);
        }

        private static List<String> join(Set<String> a, Set<String> b) {
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    static String list(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String text(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The unique candidate that matches {@code target}'s colour, shape and label (each only when
     * the target names it; a candidate's null label matches any), else a problem: "no remembered
     * object matches 'red box'" or "2 remembered objects match 'red box': at (1.0, 2.0) and
     * (4.0, 5.0)". Room and landmark qualifiers are the caller's to check: a candidate carries none.
     */
    public static <T> Resolution<T> resolve(ObjectTarget target, List<T> candidates, Function<T, Candidate> describe) {
        List<T> hits = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (T c : candidates) {
            Candidate d = describe.apply(c);
            if (matches(target, d)) {
                hits.add(c);
                where.add(String.format(Locale.ROOT, "(%.1f, %.1f)", d.x(), d.y()));
            }
        }
        String name = "'" + target.describe() + "'";
        if (hits.size() == 1) return Resolution.of(hits.get(0));
        if (hits.isEmpty()) return Resolution.problem("no remembered object matches " + name);
        return Resolution.problem(hits.size() + " remembered objects match " + name + ": at " + list(where));
    }

    /** {@link #resolve} over plain candidates. */
    public static Resolution<Candidate> resolveCandidates(ObjectTarget target, List<Candidate> candidates) {
        return resolve(target, candidates, c -> c);
    }

    static boolean matches(ObjectTarget t, Candidate c) {
        if (t.colour() != null && !t.colour().equals(c.colour())) return false;
        if (t.shape() != null && c.shape() != null && t.shape() != c.shape()) return false;
        if (t.shape() != null && c.shape() == null) return false;
        // A target named only by a shape word matches any label of that shape; a furniture word needs its label.
        boolean shapeWordOnly = t.label() == null || Vocabulary.SHAPES.containsKey(t.label());
        return shapeWordOnly || c.label() == null || t.label().equals(c.label());
    }
}
