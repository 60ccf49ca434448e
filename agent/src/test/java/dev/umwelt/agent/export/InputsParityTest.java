package dev.umwelt.agent.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.episode.EpisodeRecording;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.episode.InputsExport;
import dev.umwelt.episodes.export.DatasetExporter;
import dev.umwelt.episodes.export.ExportOptions;
import dev.umwelt.episodes.export.NpzReader;
import dev.umwelt.policy.vla.DatasetInputs;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.QuerySampler;
import dev.umwelt.policy.vla.VlaModel;
import dev.umwelt.policy.vla.VlaPolicy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code export --inputs} gives the trainer what the runtime feeds: real episodes of {@code --policy
 * vla} with the contract's test model (policy/src/test/resources/vla/contract: the inputs of
 * policy/training/inputs/default.json) are run in the real simulator while a {@link QuerySampler}
 * keeps every query's inputs as the policy built them, recorded, exported with that inputs file,
 * and every exported value is compared with the live one at the same query: uint8 arrays within
 * their quantization (and the 0/1 belief channels exactly), float arrays to the float, presence
 * flags exactly. PointNav (goal input and channel), ObjectNav (target channel), AudioGoal (sound).
 */
class InputsParityTest {
    static final double SECONDS = 10;
    /**
     * The heard-tone run is longer, and starts turned from the wall it faces towards the alarm (the
     * test model only drives ahead): a source is fitted once the tone was heard at 5 places 1 m apart.
     */
    static final double HEARD_SECONDS = 30;
    static final String HEARD_START = "start: {x: 1.0, y: 1.0, yaw: 37}";
    static final Path MODEL = Path.of("..", "policy", "src", "test", "resources", "vla", "contract").toAbsolutePath().normalize();
    /** The contract as the test model was made for it (8 belief channels; the shipped inputs/default.json adds loudness and source). */
    static final Path INPUTS = Path.of("..", "policy", "src", "test", "resources", "vla", "contract.inputs.json").toAbsolutePath().normalize();
    static final List<String> SCENARIOS = List.of("single-room", "office-find-green-cylinder", "kitchen-beeping-alarm");

    /** The heard-tone channels (loudness and source, 9th and 10th, not in the contract): their own test model and inputs file, on AudioGoal. */
    static final Path HEARD_MODEL = MODEL.resolveSibling("contract-heard"), HEARD_INPUTS = MODEL.resolveSibling("contract-heard.inputs.json");

    /** Live queries (per episode) and the exported dataset of one model. */
    record Run(List<List<Map<String, float[]>>> live, List<Long> buildNanos, Map<String, NpzReader.Array> arrays, JsonNode meta,
               double seconds) {
        int first(int e) {
            return meta.get("episodes").get(e).get("first_sample").asInt();
        }

        int samples(int e) {
            return meta.get("episodes").get(e).get("samples").asInt();
        }
    }

    static Path tmp;
    static Run contract, heard;

    @BeforeAll
    static void runRecordAndExport() throws IOException {
        tmp = Files.createTempDirectory("umwelt-inputs-parity");
        contract = run("contract", MODEL, INPUTS, SCENARIOS, SECONDS, null);
        heard = run("heard", HEARD_MODEL, HEARD_INPUTS, List.of("kitchen-beeping-alarm"), HEARD_SECONDS, HEARD_START);
        List<Long> sorted = contract.buildNanos().stream().sorted().toList();
        System.out.printf(java.util.Locale.ROOT, "inputs built per query (camera, lidar, instruction, 8x48x48 belief, goal): p50 %.3f ms,"
                + " p90 %.3f ms over %d queries%n", sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6, sorted.size());
    }

    /** Runs {@code scenarios} live for {@code seconds} (with the {@code start} line unless null) with the model, keeping every query's inputs, records them, exports them with {@code inputs}. */
    static Run run(String name, Path modelDir, Path inputs, List<String> scenarios, double seconds, String start) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<List<Map<String, float[]>>> live = new ArrayList<>();
        List<Long> buildNanos = new ArrayList<>();
        VlaModel model = null;
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            for (String sc : scenarios) {
                Scenario s = ScenarioLoader.load(start == null ? Catalog.scenario(sc) : restarted(sc, start));
                Scenario cut = new Scenario(s.name(), s.source(), s.robotRef(), s.robot(), s.world(), s.start(), s.task(), seconds,
                        s.physicsRateHz(), s.seed(), s.domainRandomization(), s.soundEmitters(), s.acoustics(), s.faults());
                if (model == null) model = ModelDirectory.load(modelDir, cut.robot(), ModelDirectory.Inference.CPU);
                EpisodeSpec spec = EpisodeSpec.of(cut, VlaPolicy.NAME);
                Path file = tmp.resolve(name).resolve(sc + ".mcap");
                QuerySampler sampler = new QuerySampler(new VlaPolicy(model), 10_000);
                EpisodeRecording rec = EpisodeRecording.open(file, spec, warnings::add);
                var result = runner.run(spec, sampler, null, rec);
                assertTrue(rec.complete(result), warnings.toString());
                live.add(sampler.samples());
                for (long n : sampler.buildNanos()) buildNanos.add(n);
                files.add(file);
            }
        } finally {
            if (model != null) model.close();
        }
        Path out = tmp.resolve(name + "-dataset");
        var summary = DatasetExporter.export(files, out, ExportOptions.DEFAULT, new InputsExport(DatasetInputs.read(inputs)),
                line -> { }, warnings::add);
        assertEquals(List.of(), warnings);
        assertTrue(summary.samples() > 0);
        return new Run(live, buildNanos, NpzReader.read(out.resolve("shard-00000.npz")),
                new ObjectMapper().readTree(out.resolve(DatasetExporter.META).toFile()), seconds);
    }

    /**
     * A copy of the catalog scenario with another {@code start:} line, beside a copy of its robots
     * folder: the episode records the scenario's text, and the export rebuilds the world model from it.
     */
    static Path restarted(String sc, String start) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("scenarios-" + sc));
        Path robots = Files.createDirectories(dir.resolve("robots"));
        Path catalogRobots = Catalog.scenario(sc).resolveSibling("robots");
        try (var r = Files.list(catalogRobots)) {
            for (Path f : r.toList()) Files.copy(f, robots.resolve(f.getFileName()));
        }
        String text = Files.readString(Catalog.scenario(sc));
        String turned = text.replaceFirst("(?m)^start: .*$", start);
        assertNotEquals(text, turned, sc + ": a start line replaced");
        return Files.writeString(dir.resolve(sc + ".yaml"), turned);
    }

    @AfterAll
    static void cleanUp() {
        if (tmp != null) RecordedDataset.deleteTree(tmp);
    }

    @Test
    void theTestModelsTakeExactlyTheirInputsFiles() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(INPUTS.toFile()).get("inputs"),
                json.readTree(MODEL.resolve(ModelDirectory.MANIFEST).toFile()).get("inputs"));
        assertEquals(json.readTree(HEARD_INPUTS.toFile()).get("inputs"),
                json.readTree(HEARD_MODEL.resolve(ModelDirectory.MANIFEST).toFile()).get("inputs"));
    }

    @Test
    void everyQueryIsOneSampleAndItsInputsAreTheLiveOnes() {
        int[] masked = compare(contract, SCENARIOS);
        assertTrue(masked[2] > 0, "queries without a goal (ObjectNav, AudioGoal) compared as absent");
    }

    @Test
    void theHeardToneChannelsToo() {
        compare(heard, List.of("kitchen-beeping-alarm"));
        NpzReader.Array belief = heard.arrays().get("in_belief");
        int plane = 48 * 48, loudness = 0, source = 0;
        for (int r = 0; r < heard.samples(0); r++) {
            for (int p = 0; p < plane; p++) {
                loudness += belief.u8((long) r * 10 * plane + 8 * plane + p) > 0 ? 1 : 0;
                source += belief.u8((long) r * 10 * plane + 9 * plane + p) > 0 ? 1 : 0;
            }
        }
        assertTrue(loudness > 0, "the alarm's tone painted where it was heard");
        assertTrue(source > 0, "a source fitted to the levels heard, and painted (loudness cells painted: " + loudness + " over " + heard.samples(0) + " samples)");
    }

    /** Every live query against its sample; returns how many queries had camera, lidar, goal absent. */
    static int[] compare(Run run, List<String> scenarios) {
        var arrays = run.arrays();
        NpzReader.Array tick = arrays.get("tick");
        int[] masked = new int[SOURCES.size()];
        for (int e = 0; e < scenarios.size(); e++) {
            String who = scenarios.get(e);
            int first = run.first(e), n = run.samples(e);
            List<Map<String, float[]>> q = run.live().get(e);
            assertEquals(q.size(), n, who + ": one sample per query");
            assertTrue(n >= run.seconds() * 5 - 1, who + ": 5 Hz for " + run.seconds() + " s, got " + n);
            for (int i = 0; i < n; i++) {
                int row = first + i;
                assertEquals(4 * i, tick.i32(row), who + ": queries every 4th 20 Hz tick");
                Map<String, float[]> fed = q.get(i);
                String at = who + ", query " + i;
                for (String flag : List.of("camera", "lidar", "goal")) {
                    float present = fed.get(flag + "_present")[0];
                    assertEquals(present, arrays.get("in_" + flag + "_present").u8(row), at + ", " + flag + "_present");
                    if (present == 0) { // absent: zeros, live after normalization, exported before it
                        masked[SOURCES.indexOf(flag)]++;
                        zeros(at + ", " + flag + " (absent)", fed.get(flag), arrays.get("in_" + flag), row);
                    }
                }
                if (fed.get("camera_present")[0] == 1) unit(at + ", camera", fed.get("camera"), arrays.get("in_camera"), row, 0.5, 0.25);
                if (fed.get("lidar_present")[0] == 1) normalizedFloats(at + ", lidar", fed.get("lidar"), arrays.get("in_lidar"), row, 2.0, 2.0);
                if (fed.get("goal_present")[0] == 1) normalizedFloats(at + ", goal", fed.get("goal"), arrays.get("in_goal"), row, 0.0, 10.0);
                unit(at + ", belief", fed.get("belief"), arrays.get("in_belief"), row, 0.0, 1.0);
                normalizedFloats(at + ", instruction", fed.get("instruction"), arrays.get("in_instruction"), row, 0.0, 1.0);
            }
        }
        return masked;
    }

    private static void zeros(String what, float[] fed, NpzReader.Array a, int row) {
        long base = (long) row * a.rowElements();
        assertEquals(fed.length, a.rowElements(), what);
        boolean f32 = a.type() == dev.umwelt.episodes.export.NpyType.F4;
        for (int k = 0; k < fed.length; k++) {
            double x = f32 ? a.f32(base + k) : a.u8(base + k);
            if (fed[k] != 0 || x != 0) fail(what + "[" + k + "]: live " + fed[k] + ", exported " + x);
        }
    }

    static final List<String> SOURCES = List.of("camera", "lidar", "goal");

    @Test
    void theNewChannelsHoldWhatEachTaskNeeds() {
        NpzReader.Array belief = contract.arrays().get("in_belief"), goal = contract.arrays().get("in_goal_present");
        int plane = 48 * 48;
        // single-room is PointNav: a goal throughout; the others have none
        for (int e = 0; e < SCENARIOS.size(); e++) {
            int first = contract.first(e), n = contract.samples(e);
            int goals = 0, goalCells = 0, targetMax = 0, frontierCells = 0;
            for (int r = first; r < first + n; r++) {
                goals += goal.u8(r);
                for (int p = 0; p < plane; p++) {
                    long base = (long) r * 8 * plane;
                    goalCells += belief.u8(base + 7 * plane + p) > 0 ? 1 : 0;
                    targetMax = Math.max(targetMax, belief.u8(base + 5 * plane + p));
                    frontierCells += belief.u8(base + 4 * plane + p) > 0 ? 1 : 0;
                }
            }
            String who = SCENARIOS.get(e);
            assertEquals(e == 0 ? n : 0, goals, who + ": goal present");
            if (e == 0) assertTrue(goalCells >= n, who + ": the goal channel painted (a 3x3 blob, or a border cell): " + goalCells);
            else assertEquals(0, goalCells, who + ": no goal channel without a point");
            assertTrue(frontierCells > 0, who + ": frontiers painted");
            // the random model's 10 s may not show the green cylinder: any remembered object has p > 0
            if (e == 1) assertTrue(targetMax > 0, who + ": remembered objects painted with their grounding p: " + targetMax);
        }
    }

    /** uint8 round(255 v) against the live normalized value (v - mean) / std. */
    private static void unit(String what, float[] fed, NpzReader.Array a, int row, double mean, double std) {
        long base = (long) row * a.rowElements();
        assertEquals(fed.length, a.rowElements(), what);
        for (int k = 0; k < fed.length; k++) {
            double v = fed[k] * std + mean;
            double q = a.u8(base + k);
            if (Math.abs(q - 255 * v) > 0.5 + 1e-3) fail(what + "[" + k + "]: exported " + q + "/255, live " + v);
        }
    }

    /** float32 raw values, normalized as the runtime does, against the live ones. */
    private static void normalizedFloats(String what, float[] fed, NpzReader.Array a, int row, double mean, double std) {
        long base = (long) row * a.rowElements();
        assertEquals(fed.length, a.rowElements(), what);
        for (int k = 0; k < fed.length; k++) {
            double raw = a.f32(base + k);
            float n = (float) ((raw - mean) / std);
            if (Math.abs(n - fed[k]) > 1e-6 * Math.max(1, Math.abs(fed[k]))) fail(what + "[" + k + "]: exported " + n + ", live " + fed[k]);
        }
    }
}
