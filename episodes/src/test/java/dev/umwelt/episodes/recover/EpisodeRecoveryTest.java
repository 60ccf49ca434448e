package dev.umwelt.episodes.recover;

import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.Chunk;
import dev.umwelt.episodes.mcap.McapRecord.Message;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.replay.DamagedEpisodeException;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.episodes.replay.SyntheticEpisodeAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class EpisodeRecoveryTest {
    @TempDir
    Path dir;

    /** Where each chunk of a valid file starts and ends, and how many messages it holds. */
    record ChunkSpan(long start, long end, int messages) {}

    private static List<ChunkSpan> chunks(Path file) throws Exception {
        List<ChunkSpan> out = new ArrayList<>();
        try (McapStreamReader r = McapStreamReader.open(file).rawChunks()) {
            for (McapRecord rec; (rec = r.next()) != null; ) {
                if (rec instanceof Chunk c) {
                    long at = r.lastRecordOffset();
                    int n = (int) McapStreamReader.chunkRecords(c, at).stream().filter(x -> x instanceof Message).count();
                    out.add(new ChunkSpan(at, r.position(), n));
                }
            }
        }
        return out;
    }

    private Path episode(int ticks) throws Exception {
        Path file = dir.resolve("episode.mcap");
        SyntheticEpisodeAccess.write(file, ticks, true);
        return file;
    }

    @Test
    void anIntactFileIsCopiedWhole() throws Exception {
        Path file = episode(100);
        RecoveryReport r = EpisodeRecovery.recover(file, dir.resolve("out.mcap"));
        assertTrue(r.complete());
        assertEquals(200, r.messagesKept());
        assertEquals(2, r.metadataKept());
        assertEquals(200, EpisodeFile.open(dir.resolve("out.mcap")).topics().stream().mapToLong(EpisodeFile.Topic::messages).sum());
    }

    @Test
    void truncatedFilesKeepEveryMessageOfEveryCompleteChunk() throws Exception {
        Path file = episode(200);
        byte[] all = Files.readAllBytes(file);
        List<ChunkSpan> spans = chunks(file);
        assertTrue(spans.size() >= 8, "the fixture should span several chunks: " + spans.size());
        List<Long> cuts = new ArrayList<>();
        for (ChunkSpan s : spans) {
            cuts.add(s.start() + 5);                       // inside the chunk's record prefix
            cuts.add((s.start() + s.end()) / 2);          // in the middle of its records
            cuts.add(s.end());                             // right after it
        }
        cuts.add((long) all.length - 3);                  // inside the closing magic
        for (long cut : cuts) {
            Path damaged = dir.resolve("cut.mcap"), out = dir.resolve("cut-recovered.mcap");
            Files.write(damaged, Arrays.copyOf(all, (int) cut));
            RecoveryReport r = EpisodeRecovery.recover(damaged, out);
            int expected = spans.stream().filter(s -> s.end() <= cut).mapToInt(ChunkSpan::messages).sum();
            assertEquals(expected, r.messagesKept(), "cut at " + cut);
            EpisodeFile recovered = EpisodeFile.open(out);    // validates: CRCs, summary, footer
            assertEquals("synthetic", recovered.get(EpisodeFormat.K_SCENARIO_NAME));
            long ticks = expected / 2;
            assertEquals(ticks, recovered.messages(EpisodeFormat.GROUND_TRUTH, Odometry.class).size(), "cut at " + cut);
            if (ticks > 0) assertEquals(SyntheticEpisodeAccess.stamp((int) ticks - 1), r.lastGoodLogTime());
        }
    }

    @Test
    void aCorruptedMiddleChunkIsSkippedAndLaterChunksKept() throws Exception {
        Path file = episode(200);
        List<ChunkSpan> spans = chunks(file);
        ChunkSpan victim = spans.get(spans.size() / 2);
        byte[] all = Files.readAllBytes(file);
        all[(int) (victim.start() + (victim.end() - victim.start()) * 2 / 3)] ^= 0x10;
        Path damaged = dir.resolve("flipped.mcap"), out = dir.resolve("flipped-recovered.mcap");
        Files.write(damaged, all);

        RecoveryReport r = EpisodeRecovery.recover(damaged, out);
        assertEquals(1, r.damaged().size(), r.lines().toString());
        assertEquals(victim.start(), r.damaged().get(0).from());
        assertEquals(spans.get(spans.size() / 2 + 1).start(), r.damaged().get(0).to(), "the walk picks up again at the next chunk");
        assertEquals(400 - victim.messages(), r.messagesKept());
        assertEquals(SyntheticEpisodeAccess.stamp(199), r.lastGoodLogTime());
        EpisodeFile recovered = EpisodeFile.open(out);
        assertTrue(recovered.result().isPresent(), "the result metadata after the chunks survives");
        assertTrue(String.join("\n", r.lines()).contains("damaged: bytes " + victim.start() + "-"), r.lines().toString());
    }

    @Test
    void aFileWithOnlyAHeaderAndMetadataGivesAnEmptyEpisode() throws Exception {
        Path file = episode(100);
        byte[] all = Files.readAllBytes(file);
        Path damaged = dir.resolve("header.mcap"), out = dir.resolve("header-recovered.mcap");
        Files.write(damaged, Arrays.copyOf(all, (int) chunks(file).get(0).start()));
        RecoveryReport r = EpisodeRecovery.recover(damaged, out);
        assertEquals(0, r.messagesKept());
        assertEquals(1, r.metadataKept());
        assertEquals(-1, r.lastGoodLogTime());
        assertFalse(r.complete());
        EpisodeFile recovered = EpisodeFile.open(out);
        assertEquals(SyntheticEpisodeAccess.metadata(), recovered.episode());
        assertEquals(List.of(), recovered.topics());
    }

    @Test
    void aFileOfManyOverlappingFakeChunkHeadersIsSearchedWithinABudget() throws Exception {
        // 4,000 chunk headers, each claiming every byte after it as its records: searching each would
        // read ~800 MB; the search gives up after 16 times the file plus 64 MiB instead.
        int headers = 4000, header = 9 + 40;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 9 + headers * header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(McapRecord.Opcode.MAGIC).put(new byte[9]);
        for (int i = 0; i < headers; i++) {
            long records = b.capacity() - (b.position() + header);
            b.put((byte) 0x06).putLong(40 + records).putLong(0).putLong(0).putLong(records + 1).putInt(1).putInt(0).putLong(records);
        }
        Path hostile = dir.resolve("hostile.mcap"), out = dir.resolve("hostile-recovered.mcap");
        Files.write(hostile, b.array());
        RecoveryReport r = EpisodeRecovery.recover(hostile, out);
        assertEquals(0, r.messagesKept());
        assertTrue(r.readEnd().contains("gave up searching the rest for chunks"), r.readEnd());
    }

    @Test
    void somethingThatIsNotMcapIsRefusedWithoutWritingAnything() throws Exception {
        Path junk = dir.resolve("junk.mcap");
        Files.writeString(junk, "#!/bin/sh\necho not a log\n");
        DamagedEpisodeException x = assertThrows(DamagedEpisodeException.class,
                () -> EpisodeRecovery.recover(junk, dir.resolve("out.mcap")));
        assertEquals(DamagedEpisodeException.Kind.NOT_MCAP, x.kind());
        assertFalse(Files.exists(dir.resolve("out.mcap")));
    }
}
