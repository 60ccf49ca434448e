package dev.umwelt.episodes.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives McapException with an offset; production files (lz4, zstd, many chunks) read back. */
class McapRobustnessTest {
    @TempDir Path dir;

    private static final Path TEN = ConformanceData.ROOT.resolve("TenMessages/TenMessages-ch-chx-mx-rch-rsh-st-sum.mcap");

    private static List<McapRecord> readAll(byte[] bytes) throws Exception {
        List<McapRecord> out = new ArrayList<>();
        try (McapStreamReader r = new McapStreamReader(new ByteArrayInputStream(bytes))) {
            for (McapRecord x; (x = r.next()) != null; ) out.add(x);
        }
        return out;
    }

    @Test
    void everyTruncationIsACheckedErrorWithAnOffset() throws Exception {
        byte[] file = Files.readAllBytes(TEN);
        for (int cut = 0; cut < file.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(file, cut);
            McapException e = assertThrows(McapException.class, () -> readAll(truncated), "cut at " + cut);
            assertTrue(e.offset() >= 0 && e.offset() <= cut, e.getMessage());
            Path p = dir.resolve("t.mcap");
            Files.write(p, truncated);
            assertThrows(McapException.class, () -> McapIndexedReader.open(p).close());
        }
    }

    @Test
    void wrongMagic() {
        byte[] bytes = "GIF89a not an mcap file".getBytes();
        McapException e = assertThrows(McapException.class, () -> readAll(bytes));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void hugeLengthFieldIsRejectedWithoutAllocating() throws Exception {
        byte[] file = Files.readAllBytes(TEN);
        byte[] bad = file.clone();
        for (int i = 0; i < 8; i++) bad[26 + i] = (byte) (i == 6 ? 0x10 : 0); // the Chunk's length: 2^52
        McapException e = assertThrows(McapException.class, () -> readAll(bad));
        assertEquals(25, e.offset());
        assertTrue(e.getMessage().contains("Chunk"), e.getMessage());
        bad[26 + 6] = 0;
        bad[26 + 3] = 0x40; // 1 GiB: within limits but past the end of the stream
        e = assertThrows(McapException.class, () -> readAll(bad));
        assertEquals(25, e.offset());
        Path p = dir.resolve("bad.mcap");
        Files.write(p, bad);
        e = assertThrows(McapException.class, () -> { try (McapStreamReader r = McapStreamReader.open(p)) { while (r.next() != null) { } } });
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    }

    @Test
    void corruptedBytesAreCaughtByCrcs() throws Exception {
        byte[] file = Files.readAllBytes(TEN);
        int failures = 0;
        for (int i = 8; i < file.length - 8; i++) {
            byte[] bad = file.clone();
            bad[i] ^= 0x01;
            try {
                readAll(bad);
            } catch (McapException e) {
                failures++;
            }
        }
        assertTrue(failures > (file.length - 16) * 9 / 10, "only " + failures + " corruptions detected");
    }

    @Test
    void productionFilesRoundTripWithEachCompression() throws Exception {
        for (String compression : new String[] {"", "lz4", "zstd"}) {
            Path p = dir.resolve("prod-" + compression + ".mcap");
            McapWriteOptions o = McapWriteOptions.production().withCompression(compression).withChunkLimits(4096, McapWriteOptions.ONE_SECOND_NS);
            List<Message> written = new ArrayList<>();
            try (McapWriter w = McapWriter.create(p, o)) {
                int schema = w.addSchema("std_msgs/String", "ros1msg", "string data".getBytes());
                int a = w.addChannel(schema, "/a", "ros1", Map.of());
                int b = w.addChannel(schema, "/b", "ros1", Map.of("k", "v"));
                w.writeAttachment(new Attachment(5, 6, "scenario.yaml", "application/yaml", "x: 1".getBytes()));
                w.writeMetadata(new Metadata("episode", Map.of("seed", "42")));
                for (int i = 0; i < 500; i++) {
                    byte[] data = new byte[37 + i % 200];
                    java.util.Arrays.fill(data, (byte) i);
                    Message m = new Message(i % 3 == 0 ? b : a, i, i * 20_000_000L, i, data);
                    written.add(m);
                    w.writeMessage(m);
                }
            }
            List<McapRecord> streamed = readAll(Files.readAllBytes(p));
            List<Message> messages = streamed.stream().filter(r -> r instanceof Message).map(r -> (Message) r).toList();
            assertEquals(written.size(), messages.size());
            for (int i = 0; i < written.size(); i++) assertArrayEquals(written.get(i).data(), messages.get(i).data());
            try (McapIndexedReader r = McapIndexedReader.open(p)) {
                assertEquals(2, r.channels().size());
                assertEquals(500, r.statistics().orElseThrow().messageCount());
                assertTrue(r.chunkIndexes().size() >= 10, "1 s chunks: " + r.chunkIndexes().size());
                for (ChunkIndex ci : r.chunkIndexes()) {
                    assertTrue(ci.messageEndTime() - ci.messageStartTime() < McapWriteOptions.ONE_SECOND_NS);
                    assertEquals(compression, ci.compression());
                }
                assertEquals(500, r.readMessages().size());
                assertEquals(1, r.attachmentIndexes().size());
                assertEquals(1, r.metadataIndexes().size());
                assertEquals(167, r.readMessages(0, Long.MAX_VALUE, java.util.Set.of("/b")).size());
            }
        }
    }
}
