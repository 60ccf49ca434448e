package dev.umwelt.agent.replay;

import dev.umwelt.agent.CliTest;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.ros1.Ros1Codec;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.mcap.McapWriteOptions;
import dev.umwelt.episodes.mcap.McapWriter;
import dev.umwelt.episodes.replay.EpisodeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bar, on files written by the real recorder: `replay --verify` passes on 20
 * recorded episodes of both tasks and fails on a file whose passed commands were altered.
 */
class RecordedEpisodesVerifyTest {

    static List<Path> recordSuite(Path out, String task) throws IOException {
        CliTest.Outcome o = CliTest.umwelt("suite", "--generate", "10", "--seed", "4", "--task", task, "--threads", "2",
                "--policy", "oracle", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> files = Files.list(out.resolve("episodes"))) {
            return files.filter(f -> f.toString().endsWith(".mcap")).sorted().toList();
        }
    }

    @Test
    void twentyRecordedEpisodesVerifyAndAnAlteredOneDoesNot(@TempDir Path tmp) throws Exception {
        List<Path> files = new java.util.ArrayList<>(recordSuite(tmp.resolve("pointnav"), "pointnav"));
        files.addAll(recordSuite(tmp.resolve("objectnav"), "objectnav"));
        assertEquals(20, files.size());
        for (Path f : files) {
            Verifier.Result r = Verifier.verify(EpisodeFile.open(f));
            assertTrue(r.identical(), f.getFileName() + ": " + r.divergence());
            assertTrue(r.ticks() > 20, f.getFileName() + " has " + r.ticks() + " ticks");
        }
        CliTest.Outcome ok = CliTest.umwelt("replay", files.get(0).toString(), "--verify");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("identical"), ok.out());

        Path altered = tmp.resolve("altered.mcap");
        alterCommand(files.get(0), altered, 40);
        CliTest.Outcome bad = CliTest.umwelt("replay", altered.toString(), "--verify");
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue((bad.out() + bad.err()).matches("(?s).*diverged at tick (4[0-9]|[5-9][0-9]|[1-9][0-9]{2,}).*"),
                bad.out() + bad.err());
    }

    /** Copies an episode file with the linear speed of the k-th passed command raised by 0.05 m/s. */
    static void alterCommand(Path in, Path out, int k) throws IOException {
        @SuppressWarnings("unchecked")
        Ros1Codec<VelocityCommand> codec = (Ros1Codec<VelocityCommand>) Ros1Codecs.forType("umwelt_msgs/VelocityCommand");
        Map<Integer, Integer> schemaIds = new HashMap<>(), channelIds = new HashMap<>();
        Map<Integer, String> topics = new HashMap<>();
        int seen = 0;
        try (McapStreamReader r = McapStreamReader.open(in);
             McapWriter w = McapWriter.create(out, McapWriteOptions.production())) {
            for (McapRecord rec = r.next(); rec != null; rec = r.next()) {
                if (rec instanceof McapRecord.Schema s) {
                    // Summaries repeat schemas and channels: add each once.
                    if (!schemaIds.containsKey(s.id())) schemaIds.put(s.id(), w.addSchema(s.name(), s.encoding(), s.data()));
                } else if (rec instanceof McapRecord.Channel c) {
                    if (!channelIds.containsKey(c.id())) {
                        channelIds.put(c.id(), w.addChannel(schemaIds.get(c.schemaId()), c.topic(), c.messageEncoding(), c.metadata()));
                        topics.put(c.id(), c.topic());
                    }
                } else if (rec instanceof McapRecord.Metadata m) {
                    w.writeMetadata(m);
                } else if (rec instanceof McapRecord.Message m) {
                    byte[] data = m.data();
                    if (topics.get(m.channelId()).equals("/umwelt/cmd_vel") && seen++ == k) {
                        VelocityCommand c = codec.decode(ByteBuffer.wrap(data));
                        data = codec.encode(new VelocityCommand(c.header(),
                                new Twist2D(c.twist().linear() + 0.05, c.twist().angular()), c.validUntilNanos()));
                    }
                    w.writeMessage(channelIds.get(m.channelId()), m.sequence(), m.logTime(), m.publishTime(), data, 0, data.length);
                }
            }
        }
        assertTrue(seen > k, "the episode has more than " + k + " commands");
    }
}
