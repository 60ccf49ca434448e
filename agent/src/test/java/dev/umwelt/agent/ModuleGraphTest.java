package dev.umwelt.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build enforces the module graph. The graph is data in one place, the "uses" column of the
 * root README's module table; this test fails when a module's pom declares another edge, or when
 * a source file (main or test) imports a package of a module its own module may not reach.
 * Reaching is transitive: {@code policy} may import {@code bus} through {@code world-model}.
 */
class ModuleGraphTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| ([^|]*) \\|");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.umwelt\\.[\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern POM_DEP = Pattern.compile(
            "<groupId>dev\\.umwelt</groupId>\\s*<artifactId>umwelt-([a-z-]+)</artifactId>(?:\\s*<version>[^<]*</version>)?\\s*(<type>test-jar</type>)?");

    /** module -> the modules it uses directly, from README.md. */
    static Map<String, Set<String>> declaredGraph(Path root) throws IOException {
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        boolean inModules = false;
        for (String line : Files.readAllLines(root.resolve("README.md"))) {
            if (line.startsWith("## ")) inModules = line.equals("## Modules");
            Matcher m = ROW.matcher(line);
            if (!inModules || !m.find()) continue;
            Set<String> to = new TreeSet<>();
            for (String u : m.group(2).split(",")) {
                String name = u.trim().replace("`", "");
                if (!name.isEmpty() && !name.equals("-")) to.add(name);
            }
            uses.put(m.group(1), to);
        }
        return uses;
    }

    static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (seen.add(m)) todo.addAll(graph.getOrDefault(m, Set.of()));
        }
        return seen;
    }

    @Test
    void readmeDeclaresEveryModuleOfTheReactorWithoutCycles() throws IOException {
        Map<String, Set<String>> graph = declaredGraph(ROOT);
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Set<String> reactor = new TreeSet<>();
        Matcher m = Pattern.compile("<module>([a-z-]+)</module>").matcher(pom);
        while (m.find()) reactor.add(m.group(1));
        assertEquals(reactor, new TreeSet<>(graph.keySet()), "README.md's module table lists the reactor's modules");
        for (var e : graph.entrySet()) {
            assertTrue(reactor.containsAll(e.getValue()), "README.md: " + e.getKey() + " uses an unknown module: " + e.getValue());
            assertFalse(reachable(graph, e.getKey()).contains(e.getKey()), "README.md: the module graph has a cycle through " + e.getKey());
        }
        assertEquals(Set.of(), graph.get("bus"), "bus is the contract below everything");
    }

    /** Each pom's compile dependencies are the README's direct edges; test jars may reach further down only. */
    @Test
    void pomsDeclareTheReadmeEdges() throws IOException {
        Map<String, Set<String>> graph = declaredGraph(ROOT);
        for (var e : graph.entrySet()) {
            String pom = Files.readString(ROOT.resolve(e.getKey()).resolve("pom.xml"));
            Set<String> direct = new TreeSet<>(), testJars = new TreeSet<>();
            Matcher m = POM_DEP.matcher(pom);
            while (m.find()) (m.group(2) != null ? testJars : direct).add(m.group(1));
            assertEquals(e.getValue(), direct, e.getKey() + "/pom.xml: its umwelt dependencies against README.md's module table");
            Set<String> below = reachable(graph, e.getKey());
            for (String t : testJars) assertTrue(below.contains(t), e.getKey() + "/pom.xml: test jar of " + t + " is not below it");
        }
    }

    @Test
    void noSourceImportsAModuleItMayNotReach() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = violations(ROOT, violations);
        assertTrue(files > 500, "the scan saw the sources: " + files);
        assertEquals(List.of(), violations, "imports the module graph does not allow");
    }

    /** The check can fail: an upward import in a test source of a tiny tree is reported with its file and line. */
    @Test
    void anUpwardImportIsReported(@org.junit.jupiter.api.io.TempDir Path tree) throws IOException {
        Files.writeString(tree.resolve("README.md"), "## Modules\n\n| module | uses | owns |\n|---|---|---|\n"
                + "| `bus` | - | the contract |\n| `sim` | `bus` | physics |\n");
        write(tree.resolve("bus/src/main/java/dev/umwelt/bus/Vec.java"), "package dev.umwelt.bus;\nclass Vec {}\n");
        write(tree.resolve("sim/src/main/java/dev/umwelt/sim/World.java"), "package dev.umwelt.sim;\nimport dev.umwelt.bus.Vec;\nclass World {}\n");
        write(tree.resolve("bus/src/test/java/dev/umwelt/bus/VecTest.java"),
                "package dev.umwelt.bus;\n\nimport static dev.umwelt.sim.World.X;\nclass VecTest {}\n");
        List<String> found = new ArrayList<>();
        assertEquals(3, violations(tree, found));
        assertEquals(List.of("bus/src/test/java/dev/umwelt/bus/VecTest.java:3: bus imports dev.umwelt.sim.World.X from sim"
                + " (README.md's module table: bus reaches [])"), found);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Adds each forbidden import under {@code root} to {@code out}; returns how many files it read. */
    static int violations(Path root, List<String> out) throws IOException {
        Map<String, Set<String>> graph = declaredGraph(root);
        Map<String, String> owner = packageOwners(root, graph.keySet());
        int files = 0;
        for (String module : graph.keySet()) {
            Set<String> allowed = reachable(graph, module);
            for (Path f : javaFiles(root, module)) {
                files++;
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String to = ownerOf(owner, m.group(1));
                    if (to != null && !to.equals(module) && !allowed.contains(to)) {
                        out.add(root.relativize(f) + ":" + lineOf(text, m.start()) + ": " + module + " imports "
                                + m.group(1) + " from " + to + " (README.md's module table: " + module + " reaches " + allowed + ")");
                    }
                }
            }
        }
        return files;
    }

    /** Package -> module, from main sources first (a test tree may reuse a main package, for package-private access). */
    private static Map<String, String> packageOwners(Path root, Set<String> modules) throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String kind : List.of("main", "test")) {
            for (String module : modules) {
                Path dir = root.resolve(module).resolve("src").resolve(kind).resolve("java");
                for (Path f : javaFiles(dir)) {
                    Matcher m = PACKAGE.matcher(Files.readString(f));
                    if (m.find()) owner.putIfAbsent(m.group(1), module);
                }
            }
        }
        return owner;
    }

    /** The module of the longest known package that prefixes {@code name} (a class, a nested class or a static member). */
    private static String ownerOf(Map<String, String> owner, String name) {
        for (String p = name; p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
            String o = owner.get(p);
            if (o != null) return o;
        }
        return null;
    }

    private static List<Path> javaFiles(Path root, String module) {
        List<Path> all = new ArrayList<>(javaFiles(root.resolve(module).resolve("src/main/java")));
        all.addAll(javaFiles(root.resolve(module).resolve("src/test/java")));
        return all;
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
