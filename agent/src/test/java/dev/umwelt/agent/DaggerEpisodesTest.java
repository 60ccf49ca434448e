package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.episodes.export.NpzReader;
import dev.umwelt.episodes.mcap.McapIndexedReader;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.TinyModel;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * DAgger episodes ({@code --teacher}): a teacher beside the driving policy changes nothing the driver
 * does (same trajectory hashes: the explorer, the random policy and the learner on the tiny model),
 * its proposal per tick is in the episode file on {@code /umwelt/teacher/action} as the official MCAP
 * reader reads it, and export's {@code teacher_*} arrays hold exactly those proposals at the same ticks.
 */
class DaggerEpisodesTest {
    static Path tmp;
    /** Per driving policy: the outcomes without and with the teacher, in entry order. */
    static final Map<String, List<SuiteOutcome>> plain = new LinkedHashMap<>(), taught = new LinkedHashMap<>();

    static List<SuiteEntry> catalog(String... names) {
        return Stream.of(names).map(n -> SuiteEntry.of(ScenarioLoader.load(Catalog.scenario(n)))).toList();
    }

    static void runBoth(String policy, Supplier<Policy> maker, List<SuiteEntry> entries) {
        plain.put(policy, new SuiteRunner(2, false, tmp.resolve("plain"), System.err::println).run(entries, policy, maker, null));
        taught.put(policy, new SuiteRunner(2, false, tmp.resolve("taught"), System.err::println).teacher("teacher")
                .run(entries, policy, maker, null));
    }

    @BeforeAll
    static void record() throws IOException {
        tmp = Files.createTempDirectory("umwelt-dagger-test");
        runBoth("explorer", () -> Policies.create("explorer"), catalog("apartment-find-red-box", "kitchen-beeping-alarm"));
        runBoth("random", () -> Policies.create("random"), catalog("single-room", "apartment-find-red-box"));
        List<SuiteEntry> shortened = List.of(SuiteEntry.of(VlaEpisodesTest.shortened("office-find-green-cylinder")));
        runBoth("vla", Policies.maker("vla", TinyModel.dir(), ModelDirectory.Inference.CPU,
                List.of(shortened.get(0).scenario().robot())), shortened);
    }

    @AfterAll
    static void clean() {
        if (tmp == null) return;
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve(dir))) {
            return s.filter(f -> f.toString().endsWith(".mcap")).sorted().toList();
        }
    }

    @Test
    void theDrivingPolicysTrajectoryIsTheSameWithAndWithoutATeacher() {
        for (String p : plain.keySet()) {
            assertEquals(SuiteDeterminismTest.hashes(plain.get(p)), SuiteDeterminismTest.hashes(taught.get(p)),
                    p + ": the teacher never drives");
            for (SuiteOutcome o : taught.get(p)) {
                assertTrue(o.result().events().stream().noneMatch(e -> e.source().equals("teacher")),
                        "a teacher that works logs nothing: " + o.result().events());
            }
        }
        // The learner really drove (not a STOP at tick 0), so its labels are of states it visited.
        assertTrue(taught.get("vla").get(0).result().metrics().pathLength() > 0.1);
    }

    /** A teacher proposal decoded from the official reader's bytes. */
    record Proposal(long logTime, ActionChunk chunk) {}

    static List<Proposal> officialTeacherMessages(Path file) throws Exception {
        JsonNode v = OfficialMcapReader.validate(file, EpisodeFormat.TEACHER_ACTION);
        JsonNode topic = v.get("topics").get(EpisodeFormat.TEACHER_ACTION);
        assertNotNull(topic, file + ": no teacher channel in " + v.get("topics"));
        assertEquals("umwelt_msgs/ActionChunk", topic.get("schemaName").asText());
        List<Proposal> out = new ArrayList<>();
        for (JsonNode m : v.get("messages")) {
            ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode(m.get("data").asText())).order(ByteOrder.LITTLE_ENDIAN);
            out.add(new Proposal(Long.parseLong(m.get("logTime").asText()), Ros1Codecs.forClass(ActionChunk.class).decode(data)));
        }
        assertEquals(topic.get("messageCount").asLong(), out.size());
        return out;
    }

    static List<ActionChunk> actions(Path file) throws IOException {
        List<ActionChunk> out = new ArrayList<>();
        try (McapIndexedReader r = McapIndexedReader.open(file)) {
            int id = r.channels().stream().filter(c -> c.topic().equals(EpisodeFormat.ACTION)).findFirst().orElseThrow().id();
            for (McapRecord.Message m : r.readMessages()) {
                if (m.channelId() == id) out.add(Ros1Codecs.forClass(ActionChunk.class)
                        .decode(ByteBuffer.wrap(m.data()).order(ByteOrder.LITTLE_ENDIAN)));
            }
        }
        return out;
    }

    @Test
    void theOfficialReaderReadsOneProposalPerDecisionStampedWithItsTick() throws Exception {
        List<Path> taughtFiles = files("taught"), plainFiles = files("plain");
        assertEquals(5, taughtFiles.size(), taughtFiles.toString());
        int differ = 0, stops = 0;
        for (Path f : taughtFiles) {
            List<Proposal> proposals = officialTeacherMessages(f);
            List<ActionChunk> driven = actions(f);
            assertEquals(driven.size(), proposals.size(), f + ": one proposal per decision of the driving policy");
            for (int i = 0; i < driven.size(); i++) {
                Proposal p = proposals.get(i);
                long tick = driven.get(i).stampNanos();
                assertEquals(tick, p.logTime(), f + " #" + i);
                assertEquals(tick, p.chunk().stampNanos(), f + " #" + i);
                assertEquals(p.chunk().stop() ? 0 : 1, p.chunk().actions().size(), "one twist or STOP");
                if (p.chunk().stop()) stops++;
                if (!p.chunk().actionAt(tick).equals(driven.get(i).actionAt(tick)) || p.chunk().stop() != driven.get(i).stop()) differ++;
            }
        }
        assertTrue(differ > 100, "the teacher is another policy than the drivers: " + differ + " ticks differ");
        assertTrue(stops > 0, "the teacher says STOP where it would end the episode");
        for (Path f : plainFiles) assertEquals(0, officialTeacherMessages(f).size(), f + ": no teacher, no messages");
    }

    @Test
    void exportWritesTheRecordedProposalsAtTheirTicksAndZerosWithoutATeacher() throws Exception {
        Path ds = tmp.resolve("dataset");
        CliTest.Outcome o = CliTest.umwelt("export", tmp.resolve("plain").toString(), tmp.resolve("taught").toString(),
                "--out", ds.toString(), "--no-audio");
        assertEquals(0, o.code(), o.err());
        Map<String, NpzReader.Array> a = NpzReader.read(ds.resolve("shard-00000.npz"));
        NpzReader.Array episode = a.get("episode"), stamp = a.get("stamp_ns"), valid = a.get("teacher_valid"),
                action = a.get("teacher_action"), stop = a.get("teacher_stop");
        assertNotNull(valid, a.keySet().toString());
        assertEquals(2, action.rowElements());
        List<Path> order = new ArrayList<>(files("plain"));
        order.addAll(files("taught"));
        Map<Integer, Map<Long, ActionChunk>> byEpisode = new LinkedHashMap<>();
        for (int e = 0; e < order.size(); e++) {
            Map<Long, ActionChunk> m = new LinkedHashMap<>();
            if (order.get(e).getParent().getFileName().toString().equals("taught")) {
                for (Proposal p : officialTeacherMessages(order.get(e))) m.put(p.logTime(), p.chunk());
            }
            byEpisode.put(e, m);
        }
        int labelled = 0;
        for (int i = 0; i < stamp.rows(); i++) {
            ActionChunk p = byEpisode.get(episode.i32(i)).get(stamp.i64(i));
            if (p == null) {
                assertEquals(0, valid.u8(i), "sample " + i);
                assertEquals(0f, action.f32(2L * i));
                assertEquals(0f, action.f32(2L * i + 1));
                assertEquals(0, stop.u8(i));
                continue;
            }
            labelled++;
            Twist2D t = p.actionAt(p.stampNanos());
            assertEquals(1, valid.u8(i), "sample " + i);
            assertEquals((float) t.linear(), action.f32(2L * i), "sample " + i);
            assertEquals((float) t.angular(), action.f32(2L * i + 1), "sample " + i);
            assertEquals(p.stop() ? 1 : 0, stop.u8(i), "sample " + i);
        }
        long taughtSamples = 0;
        for (Path f : files("taught")) taughtSamples += actions(f).size();
        assertEquals(taughtSamples, labelled, "every decision of a taught episode has its label");
    }

    /** Throws at its third tick. */
    static final class ThrowingTeacher implements Policy {
        int ticks;

        @Override public String name() { return "throwing-teacher"; }
        @Override public Set<Modality> requiredModalities() { return Set.of(); }
        @Override public void reset(EpisodeContext context) { ticks = 0; }

        @Override
        public ActionChunk act(Observation observation, Instruction instruction) {
            if (++ticks == 3) throw new IllegalStateException("a bug in the teacher");
            return ActionChunk.move(observation.stampNanos(), 50_000_000L, new Twist2D(0.2, 0));
        }
    }

    @Test
    void aTeacherThatThrowsStopsTeachingWithOneNoteAndTheEpisodeGoesOn() {
        if (!Policies.exists("throwing-teacher")) Policies.register("throwing-teacher", ThrowingTeacher::new);
        List<SuiteEntry> e = catalog("single-room");
        SuiteOutcome without = new SuiteRunner(1).run(e, "explorer", null).get(0);
        SuiteOutcome with = new SuiteRunner(1).teacher("throwing-teacher").run(e, "explorer", null).get(0);
        assertEquals(without.result().metrics().trajectoryHash(), with.result().metrics().trajectoryHash());
        assertTrue(with.result().metrics().success(), with.result().metrics().toString());
        List<EpisodeEvent> notes = with.result().events().stream().filter(x -> x.source().equals("teacher")).toList();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).detail().contains("a bug in the teacher"), notes.get(0).detail());
    }

    @Test
    void runTakesTheTeacherAndRefusesOneItCannotRun() throws Exception {
        String scenario = Catalog.scenario("single-room").toString();
        CliTest.Outcome unknown = CliTest.umwelt("run", scenario, "--teacher", "nosuch", "--no-pictures", "--no-record");
        assertEquals(2, unknown.code(), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("--teacher: unknown policy 'nosuch'"), unknown.err());
        CliTest.Outcome model = CliTest.umwelt("suite", "--generate", "1", "--teacher", "vla");
        assertEquals(2, model.code(), model.err());
        assertTrue(model.err().contains("--teacher: vla reads a model"), model.err());

        Path dir = tmp.resolve("cli");
        CliTest.Outcome ok = CliTest.umwelt("run", scenario, "--policy", "random", "--teacher", "teacher", "--no-pictures",
                "--json", "--record", dir.toString());
        assertEquals(0, ok.code(), ok.err());
        Path file = dir.resolve("episode.mcap");
        assertEquals(actions(file).size(), officialTeacherMessages(file).size());
    }
}
