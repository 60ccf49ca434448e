package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.episode.EpisodeRecording;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.episodes.mcap.McapIndexedReader;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.record.EpisodeRecorder;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Episode files: what run and suite record, read back by our readers and by the official TypeScript reader. */
class EpisodeRecordingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a file holds, read front to back with every CRC checked, then through its indexes. */
    record Contents(Map<String, String> schemaOf, Map<String, Long> counts, Map<String, Map<String, String>> metadata) {
        static Contents read(Path file) throws IOException {
            Map<Integer, String> schemaNames = new HashMap<>(), topics = new HashMap<>();
            Map<String, String> schemaOf = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Map<String, String>> metadata = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            try (McapStreamReader r = McapStreamReader.open(file)) {
                for (McapRecord rec; (rec = r.next()) != null; ) {
                    if (rec instanceof McapRecord.Schema s) schemaNames.put(s.id(), s.name());
                    if (rec instanceof McapRecord.Channel c && topics.put(c.id(), c.topic()) == null) {
                        schemaOf.put(c.topic(), schemaNames.get(c.schemaId()));
                        counts.put(c.topic(), 0L);
                    }
                    if (rec instanceof McapRecord.Message m) counts.merge(topics.get(m.channelId()), 1L, Long::sum);
                    if (rec instanceof McapRecord.Metadata m) {
                        metadata.put(m.name(), m.metadata());
                        order.add(m.name());
                    }
                }
            }
            assertEquals("umwelt.episode", order.get(0), "the episode's metadata comes first");
            try (McapIndexedReader ir = McapIndexedReader.open(file)) {
                Map<String, Long> indexed = new LinkedHashMap<>();
                Map<Integer, String> byId = new HashMap<>();
                ir.channels().forEach(c -> byId.put(c.id(), c.topic()));
                for (McapRecord.Message m : ir.readMessages()) indexed.merge(byId.get(m.channelId()), 1L, Long::sum);
                counts.forEach((t, n) -> assertEquals(n, indexed.getOrDefault(t, 0L), "indexed count of " + t));
                assertEquals(counts.values().stream().mapToLong(Long::longValue).sum(),
                        ir.statistics().orElseThrow().messageCount());
            }
            return new Contents(schemaOf, counts, metadata);
        }
    }

    @Test
    void runRecordsEveryTopicWithTheExactSourcesAndTheSameTrajectory(@TempDir Path tmp) throws Exception {
        Path scenario = Catalog.scenario("single-room");
        CliTest.Outcome rec = CliTest.umwelt("run", scenario.toString(), "--policy", "oracle", "--out", tmp.resolve("a").toString(), "--json");
        assertEquals(0, rec.code(), rec.err());
        Path file = tmp.resolve("a").resolve("episode.mcap");
        assertTrue(rec.err().contains("episode: " + file), rec.err());
        CliTest.Outcome plain = CliTest.umwelt("run", scenario.toString(), "--policy", "oracle", "--out", tmp.resolve("b").toString(), "--json",
                "--no-record");
        assertEquals(0, plain.code(), plain.err());
        assertFalse(Files.exists(tmp.resolve("b").resolve("episode.mcap")));
        JsonNode j = JSON.readTree(rec.out());
        assertEquals(JSON.readTree(plain.out()).get("trajectoryHash").asText(), j.get("trajectoryHash").asText(),
                "recording changes nothing that is computed");

        Contents c = Contents.read(file);
        long ticks = j.get("ticks").asLong();
        assertEquals(ticks, c.counts().get("/umwelt/cmd_vel"));
        assertEquals(ticks, c.counts().get("/cmd_vel"));
        assertEquals(ticks + 1, c.counts().get("/umwelt/ground_truth"));
        assertEquals(ticks + 1, c.counts().get("/tf"));
        assertEquals(1, c.counts().get("/umwelt/instruction"));
        assertEquals(ticks + 1, c.counts().get("/umwelt/ground_truth/labels"), "privileged labels: one per tick");
        assertEquals(c.counts().get("/umwelt/action"), c.counts().get("/umwelt/observation"), "one observation per decision");
        for (EpisodeRecorder.Topic t : EpisodeRecorder.Topic.values()) {
            assertEquals(t.rosType(), c.schemaOf().get(t.topic), t.topic);
            // single-room has no sound emitters, so its microphones deliver nothing; no --teacher, no teacher labels
            if (t == EpisodeRecorder.Topic.AUDIO || t == EpisodeRecorder.Topic.TEACHER_ACTION) {
                assertEquals(0, c.counts().get(t.topic), t.topic);
            } else assertTrue(c.counts().get(t.topic) > 0, "no message on " + t.topic);
        }
        Map<String, String> info = c.metadata().get("umwelt.episode");
        assertEquals("umwelt-episode/1", info.get("format"));
        assertEquals(Files.readString(scenario, StandardCharsets.UTF_8), info.get("scenario_yaml"));
        Scenario s = ScenarioLoader.load(scenario);
        assertEquals(robotText(s), info.get("robot_yaml"));
        assertFalse(info.get("robot_yaml").isEmpty());
        assertEquals(s.robotRef(), info.get("robot_ref"));
        assertEquals(String.valueOf(s.seed()), info.get("seed"));
        assertEquals("oracle", info.get("policy"));
        assertEquals("single-room", info.get("scenario_name"));
        assertEquals(String.valueOf(s.robot().controlPeriodNanos()), info.get("control_period_ns"));
        Map<String, String> result = c.metadata().get("umwelt.result");
        assertNotNull(result, "a completed episode has its result");
        assertEquals(j.get("trajectoryHash").asText(), result.get("trajectoryHash"));

        // The official TypeScript reader agrees: CRCs, indexes, topics, schemas and counts.
        JsonNode v = OfficialMcapReader.validate(file);
        String out = v.toString();
        for (EpisodeRecorder.Topic t : EpisodeRecorder.Topic.values()) {
            JsonNode topic = v.get("topics").get(t.topic);
            assertNotNull(topic, t.topic + " missing in " + out);
            assertEquals(t.rosType(), topic.get("schemaName").asText(), t.topic);
            assertEquals((long) c.counts().get(t.topic), topic.get("messageCount").asLong(), t.topic);
        }
        assertEquals("ok", v.get("dataSectionCrc").asText());
    }

    @Test
    void aSuiteOfGeneratedScenariosWritesOneFileEachWithItsText(@TempDir Path tmp) throws Exception {
        CliTest.Outcome o = CliTest.umwelt("suite", "--generate", "3", "--policy", "oracle", "--threads", "2", "--out", tmp.toString());
        assertEquals(0, o.code(), o.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(tmp.resolve("episodes"))) {
            files = s.filter(f -> f.toString().endsWith(".mcap")).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        for (Path f : files) {
            Contents c = Contents.read(f);
            Map<String, String> info = c.metadata().get("umwelt.episode");
            assertTrue(f.getFileName().toString().matches(".*-s" + info.get("seed") + "-oracle\\.mcap"), f.toString());
            assertTrue(info.get("scenario_yaml").contains("name:"), "generated text carried: " + info);
            assertFalse(info.get("robot_yaml").isEmpty());
            assertNotNull(c.metadata().get("umwelt.result"));
        }
    }

    @Test
    void aThrowingPolicyStillLeavesAValidFileWithoutAResult(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        EpisodeSpec spec = EpisodeSpec.of(s, "unreliable");
        Path file = tmp.resolve("failed.mcap");
        List<String> warnings = new ArrayList<>();
        EpisodeRecording recording = EpisodeRecording.open(file, spec, warnings::add);
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            var f = runner.start(spec, new EpisodeFailureTest.Unreliable(30), null, recording)
                    .toCompletionStage().toCompletableFuture();
            assertThrows(CompletionException.class, f::join);
        } finally {
            assertTrue(recording.complete(null), warnings.toString());
        }
        Contents c = Contents.read(file);
        assertNull(c.metadata().get("umwelt.result"), "a cut-short episode has no result");
        assertEquals(30, c.counts().get("/umwelt/cmd_vel"));
        assertEquals(31, c.counts().get("/umwelt/ground_truth"));
        assertEquals(recording.counts(), c.counts());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void anUnwritableFileWarnsAndTheEpisodeGoesOn(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("blocker"), "a file where a directory should be");
        List<String> warnings = new ArrayList<>();
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        EpisodeSpec spec = EpisodeSpec.of(s, "oracle");
        EpisodeRecording recording = EpisodeRecording.open(tmp.resolve("blocker").resolve("e.mcap"), spec, warnings::add);
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            assertTrue(runner.run(spec, null, recording).metrics().success());
        }
        assertFalse(recording.complete(null));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    private static String robotText(Scenario s) throws IOException {
        String src = s.robot().source().toString();
        if (!src.startsWith("classpath:")) return Files.readString(s.robot().source(), StandardCharsets.UTF_8);
        try (var in = EpisodeRecordingTest.class.getResourceAsStream(src.substring("classpath:".length()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
