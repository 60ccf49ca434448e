package dev.umwelt.agent.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.CliTest;
import dev.umwelt.episodes.export.NpzReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** `umwelt export` as a user meets it: damaged files, numpy in Python, shards, repeatability, bad arguments. */
class ExportCliTest {
    static RecordedDataset ds;
    @TempDir
    Path tmp;

    @BeforeAll
    static void recordAndExport() throws IOException {
        ds = RecordedDataset.shared();
    }

    @Test
    void aTruncatedCopyExportsItsPrefixAndIsReportedAndTheRestGoesOn() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(ds.files.get(0), in.resolve("a-whole.mcap"));
        byte[] kitchen = Files.readAllBytes(ds.files.get(1));
        Files.write(in.resolve("b-cut.mcap"), java.util.Arrays.copyOf(kitchen, kitchen.length * 6 / 10));
        Files.write(in.resolve("c-empty.mcap"), new byte[0]);
        Files.writeString(in.resolve("d-notes.mcap"), "not an episode at all\n");
        CliTest.Outcome o = CliTest.umwelt("export", in.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, o.code(), o.err());
        List<String> warnings = o.err().strip().lines().toList();
        assertEquals(3, warnings.size(), o.err());
        String cut = warnings.get(0);
        assertTrue(cut.matches("warning: .*b-cut\\.mcap: \\d+ ticks exported, then stopped: cut short: .*"), cut);
        int kept = Integer.parseInt(cut.replaceAll(".*b-cut\\.mcap: (\\d+) ticks.*", "$1"));
        assertTrue(kept > 20 && kept < ds.samples(1), kept + " of " + ds.samples(1));
        assertTrue(warnings.get(1).matches("warning: .*c-empty\\.mcap: skipped, 0 ticks exported: .*"), warnings.get(1));
        assertTrue(warnings.get(2).matches("warning: .*d-notes\\.mcap: skipped, 0 ticks exported: not an MCAP file.*"), warnings.get(2));

        Map<String, NpzReader.Array> d = NpzReader.read(tmp.resolve("out").resolve("shard-00000.npz"));
        JsonNode meta = new ObjectMapper().readTree(tmp.resolve("out").resolve("meta.json").toFile());
        assertEquals(ds.samples(0) + kept, d.get("stamp_ns").rows());
        assertEquals(2, meta.get("episodes").size());
        assertTrue(meta.get("episodes").get(0).get("complete").asBoolean());
        assertFalse(meta.get("episodes").get(1).get("complete").asBoolean());
        assertTrue(meta.get("episodes").get(1).get("stopped").asText().startsWith("cut short"));
        // the whole episode exactly as in the reference export, the cut one as its prefix
        for (String name : List.of("stamp_ns", "action", "command", "camera", "lidar", "audio", "presence")) {
            NpzReader.Array ref = ds.array(name), got = d.get(name);
            int row = ref.rowElements() * ref.type().bytes;
            assertEquals(0, slice(ref, 0, ds.samples(0), row).compareTo(slice(got, 0, ds.samples(0), row)), name);
            assertEquals(0, slice(ref, ds.first(1), kept, row).compareTo(slice(got, ds.samples(0), kept, row)), name);
        }
        assertEquals(0, d.get("stop").u8(ds.samples(0) + kept - 1), "a cut episode has no result: no STOP label");
    }

    private static java.nio.ByteBuffer slice(NpzReader.Array a, int first, int rows, int rowBytes) {
        return a.data().slice(first * rowBytes, rows * rowBytes);
    }

    @Test
    void pythonWithNumpyLoadsAShardInOneLine() throws Exception {
        String python = "/usr/bin/python3";
        Process probe = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
        boolean hasNumpy = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        Assumptions.assumeTrue(hasNumpy, "skipped: " + python + " cannot import numpy (Debian: apt-get install python3-numpy)");
        Path shard = ds.dataset.resolve("shard-00000.npz");
        String script = "import numpy as np, json, sys; d = np.load(sys.argv[1]); m = json.load(open(sys.argv[2])); "
                + "print(json.dumps({'arrays': {k: [list(d[k].shape), d[k].dtype.name] for k in d.files}, "
                + "'samples': m['samples'], 'action': float(d['action'].astype('f8').sum()), 'stop': np.flatnonzero(d['stop']).tolist(), "
                + "'camera': int(d['camera'].astype('i8').sum()), 'lidar_finite': float(d['lidar'][np.isfinite(d['lidar'])].astype('f8').sum()), "
                + "'waypoints': float(d['waypoints'].astype('f8').sum()), 'episode': d['episode'].tolist()[-1]}))";
        Process p = new ProcessBuilder(python, "-c", script, shard.toString(), ds.dataset.resolve("meta.json").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonNode py = new ObjectMapper().readTree(out);
        assertEquals(ds.arrays.size(), py.get("arrays").size());
        for (NpzReader.Array a : ds.arrays.values()) {
            JsonNode shape = py.get("arrays").get(a.name()).get(0);
            for (int k = 0; k < a.shape().length; k++) assertEquals(a.shape()[k], shape.get(k).asLong(), a.name());
            assertEquals(a.type().numpyName(), py.get("arrays").get(a.name()).get(1).asText(), a.name());
        }
        NpzReader.Array action = ds.array("action"), camera = ds.array("camera"), lidar = ds.array("lidar"), wp = ds.array("waypoints");
        assertEquals(action.rows(), py.get("samples").asInt());
        assertEquals(sum(action), py.get("action").asDouble(), 1e-6 * Math.max(1, Math.abs(sum(action))));
        assertEquals(sum(wp), py.get("waypoints").asDouble(), 1e-6 * Math.max(1, Math.abs(sum(wp))));
        assertEquals(finiteSum(lidar), py.get("lidar_finite").asDouble(), 1e-6 * finiteSum(lidar));
        long pixels = 0;
        for (long i = 0; i < camera.data().capacity(); i++) pixels += camera.u8(i);
        assertEquals(pixels, py.get("camera").asLong());
        assertEquals(List.of(ds.first(0) + ds.samples(0) - 1, ds.first(1) + ds.samples(1) - 1),
                List.of(py.get("stop").get(0).asInt(), py.get("stop").get(1).asInt()));
        assertEquals(2, py.get("episode").asInt());
    }

    private static double sum(NpzReader.Array a) {
        double s = 0;
        for (long i = 0, n = (long) a.rows() * a.rowElements(); i < n; i++) s += a.f32(i);
        return s;
    }

    private static double finiteSum(NpzReader.Array a) {
        double s = 0;
        for (long i = 0, n = (long) a.rows() * a.rowElements(); i < n; i++) if (Float.isFinite(a.f32(i))) s += a.f32(i);
        return s;
    }

    @Test
    void shardsSplitAtTheirSizeAndTheSameInputGivesTheSameBytes() throws IOException {
        Path split = tmp.resolve("split"), again = tmp.resolve("again"), silent = tmp.resolve("silent");
        assertEquals(0, CliTest.umwelt("export", ds.episodes.toString(), "--out", split.toString(), "--shard-size", "100").code());
        assertEquals(0, CliTest.umwelt("export", ds.episodes.toString(), "--out", again.toString()).code());
        assertEquals(0, CliTest.umwelt("export", ds.episodes.toString(), "--out", silent.toString(), "--no-audio").code());
        Map<String, NpzReader.Array> noAudio = NpzReader.read(silent.resolve("shard-00000.npz"));
        assertEquals(ds.arrays.size() - 1, noAudio.size());
        assertFalse(noAudio.containsKey("audio"));
        assertEquals(0, ds.array("camera").data().compareTo(noAudio.get("camera").data()), "the rest unchanged");
        assertEquals(-1, Files.mismatch(ds.dataset.resolve("shard-00000.npz"), again.resolve("shard-00000.npz")), "repeatable bytes");
        assertEquals(-1, Files.mismatch(ds.dataset.resolve("meta.json"), again.resolve("meta.json")));
        int total = ds.array("stamp_ns").rows(), shards = (total + 99) / 100;
        JsonNode meta = new ObjectMapper().readTree(split.resolve("meta.json").toFile());
        assertEquals(shards, meta.get("shards").size());
        for (String name : List.of("stamp_ns", "camera", "waypoints", "beam_objects")) {
            NpzReader.Array whole = ds.array(name);
            int row = whole.rowElements() * whole.type().bytes;
            for (int s = 0; s < shards; s++) {
                NpzReader.Array part = NpzReader.read(split.resolve(String.format("shard-%05d.npz", s))).get(name);
                int rows = Math.min(100, total - 100 * s);
                assertEquals(rows, part.rows());
                assertEquals(100L * s, meta.get("shards").get(s).get("first").asLong());
                assertEquals(0, slice(whole, 100 * s, rows, row).compareTo(part.data()), name + " shard " + s);
            }
        }
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x"), empty = Files.createDirectories(tmp.resolve("empty"));
        String eps = ds.episodes.toString();
        expectBad("no such episode file or folder", "export", tmp.resolve("missing").toString(), "--out", tmp.resolve("o1").toString());
        expectBad("is a file", "export", eps, "--out", file.toString());
        expectBad("already holds a dataset", "export", eps, "--out", ds.dataset.toString());
        expectBad("no episode files (*.mcap)", "export", empty.toString(), "--out", tmp.resolve("o2").toString());
        expectBad("--camera: '64by48' is not WIDTHxHEIGHT", "export", eps, "--out", tmp.resolve("o3").toString(), "--camera", "64by48");
        expectBad("--shard-size: 0 outside [1, 1000000]", "export", eps, "--out", tmp.resolve("o4").toString(), "--shard-size", "0");
        expectBad("--waypoint-step: 20 outside [0.01, 10]", "export", eps, "--out", tmp.resolve("o5").toString(), "--waypoint-step", "20");
        assertFalse(Files.exists(tmp.resolve("o3")), "nothing written on bad input");
    }

    private static void expectBad(String message, String... args) {
        CliTest.Outcome o = CliTest.umwelt(args);
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(message), o.err());
    }
}
