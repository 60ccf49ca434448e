package dev.umwelt.agent.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.CliTest;
import dev.umwelt.episodes.export.NpzReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real episodes for the export tests, recorded once per test class by the real runner through the
 * command line: the oracle on single-room with the lidar dropped for a second (PointNav, success,
 * a sense absent for a while), the oracle on kitchen-beeping-alarm (AudioGoal, microphones), and
 * the random policy on single-room (a STOP that fails). Then exported with default options.
 */
final class RecordedDataset {
    final Path episodes, dataset;
    /** In the exporter's order (the folders' sorted walk). */
    final List<Path> files = new ArrayList<>();
    final Map<String, NpzReader.Array> arrays;
    final JsonNode meta;

    private static RecordedDataset shared;

    /** One recording and export for every test class in this JVM (they only read it), deleted at exit. */
    static synchronized RecordedDataset shared() throws IOException {
        if (shared == null) {
            Path tmp = Files.createTempDirectory("umwelt-export-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
            shared = new RecordedDataset(tmp);
        }
        return shared;
    }

    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private RecordedDataset(Path tmp) throws IOException {
        episodes = tmp.resolve("episodes");
        dataset = tmp.resolve("dataset");
        record("a-lidar-drop", "single-room", "oracle", "--fault", "lidar:drop@1s-2s");
        record("b-audio", "kitchen-beeping-alarm", "oracle");
        record("c-random", "single-room", "random");
        CliTest.Outcome o = CliTest.umwelt("export", episodes.toString(), "--out", dataset.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err(), "three whole episodes: nothing to report");
        assertTrue(o.out().contains("exported "), o.out());
        arrays = NpzReader.read(dataset.resolve("shard-00000.npz"));
        meta = new ObjectMapper().readTree(dataset.resolve("meta.json").toFile());
    }

    private void record(String dir, String scenario, String policy, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", Catalog.scenario(scenario).toString(), "--policy", policy,
                "--no-pictures", "--json", "--record", episodes.resolve(dir).toString()));
        args.addAll(List.of(extra));
        CliTest.Outcome o = CliTest.umwelt(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        Path f = episodes.resolve(dir).resolve("episode.mcap");
        assertTrue(Files.isRegularFile(f), o.err());
        files.add(f);
    }

    NpzReader.Array array(String name) {
        NpzReader.Array a = arrays.get(name);
        assertNotNull(a, name + " missing; arrays: " + arrays.keySet());
        return a;
    }

    /** Sample indices [first, first + samples) of episode {@code e}, from meta.json. */
    int first(int e) {
        return meta.get("episodes").get(e).get("first_sample").asInt();
    }

    int samples(int e) {
        return meta.get("episodes").get(e).get("samples").asInt();
    }
}
