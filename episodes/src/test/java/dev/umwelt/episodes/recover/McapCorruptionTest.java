package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapLimits;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.Message;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.recover.ChunkLayout.ChunkSpan;
import dev.umwelt.episodes.recover.Corruption.Kind;
import dev.umwelt.episodes.replay.DamagedEpisodeException;
import dev.umwelt.episodes.replay.EpisodeFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16's first acceptance item: an episode recorded by the production recorder (9 s of sim time, 19 chunks),
 * damaged in 1,000 seeded ways. For each: the verifying read ({@link EpisodeFile#open}, what
 * {@code replay --verify} runs first) refuses it with a {@link DamagedEpisodeException} of one line,
 * allocating no more than reading the intact file does plus the damaged file's size (measured by
 * the JVM's per-thread allocation counter), its reader's buffers within the file's size plus
 * {@link McapLimits#MAX_CHUNK_RECORDS}; and {@code recover} keeps exactly the messages of every
 * chunk whose CRC still holds, as this test works them out on its own from the original's chunk
 * layout and where the damage moved them ({@link ChunkLayout}).
 */
class McapCorruptionTest {
    static final int CORRUPTIONS = Integer.getInteger("umwelt.corruptions", 1000);
    static final long SEED = 16;
    /** Exceptions, messages and a few buffers: what a refusal may cost beyond the intact read and the file's size. */
    static final long ALLOCATION_SLACK = 1 << 20;

    @TempDir
    static Path dir;
    static byte[] original;
    static ChunkLayout layout;
    static long intactReadAllocation;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @BeforeAll
    static void recordAnEpisode() throws Exception {
        Path file = dir.resolve("episode.mcap");
        RecordedEpisodeFixture.write(file, 9, 7);
        original = Files.readAllBytes(file);
        layout = new ChunkLayout(original);
        for (int i = 0; i < 3; i++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            EpisodeFile.open(file);
            intactReadAllocation = Math.max(intactReadAllocation, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
    }

    /** Per kind of damage: how many, messages and chunks the test expects intact, what recovery kept. */
    private static final class Tally {
        int corruptions, chunksIntact, chunksLost, zeroKept;
        long messagesIntact, messagesKept, maxExtraAllocation, maxReaderBuffers;
    }

    @Test
    void aThousandCorruptionsAreRefusedByTheVerifyingReadAndRecoverKeepsEveryChunkWhoseCrcHolds() throws Exception {
        assertTrue(layout.chunks.size() >= 15 && layout.chunks.size() <= 20, "chunks: " + layout.chunks.size());
        Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
        Path damaged = dir.resolve("damaged.mcap"), out = dir.resolve("recovered.mcap");
        long started = System.nanoTime(), cpuVerify = 0, cpuExpected = 0, cpuRecover = 0;
        for (int i = 0; i < CORRUPTIONS; i++) {
            Random rnd = new Random(SEED * 1_000_003L + i);
            Corruption c;
            byte[] bad;
            do {
                c = Corruption.draw(i, rnd, original, layout);
                bad = c.apply(original);
            } while (Arrays.equals(bad, original));
            Files.write(damaged, bad);
            String label = "corruption " + i + " (" + c.kind() + ": " + c.what() + ")";
            Tally t = tallies.computeIfAbsent(c.kind(), k -> new Tally());
            t.corruptions++;

            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long extra = verifyingReadRefuses(damaged, bad.length, label);
            t.maxExtraAllocation = Math.max(t.maxExtraAllocation, extra);
            long buffers = readerBuffers(damaged);
            assertTrue(buffers <= bad.length + McapLimits.MAX_CHUNK_RECORDS, label + ": reader buffers " + buffers);
            t.maxReaderBuffers = Math.max(t.maxReaderBuffers, buffers);

            long cpu1 = THREADS.getCurrentThreadCpuTime();
            long[] expected = intactMessages(bad, c, t);
            long cpu2 = THREADS.getCurrentThreadCpuTime();
            long[] kept = recover(damaged, out, bad, label);
            long cpu3 = THREADS.getCurrentThreadCpuTime();
            cpuVerify += cpu1 - cpu0;
            cpuExpected += cpu2 - cpu1;
            cpuRecover += cpu3 - cpu2;
            Arrays.sort(expected);
            Arrays.sort(kept);
            assertEquals(expected.length, kept.length, label + ": messages kept vs in chunks whose CRC holds");
            assertArrayEquals(expected, kept, label + ": the kept messages are those of the intact chunks");
            t.messagesIntact += expected.length;
            t.messagesKept += kept.length;
            if (kept.length == 0) t.zeroKept++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "cpu: verifying reads %.1f s, expected chunks %.1f s, recover and read back %.1f s%n",
                cpuVerify / 1e9, cpuExpected / 1e9, cpuRecover / 1e9);
        System.out.printf(Locale.ROOT, "%d corruptions of a %d-byte episode (%d chunks, %d messages) in %.1f s; intact read allocates %d bytes%n",
                CORRUPTIONS, original.length, layout.chunks.size(), layout.messages(), seconds, intactReadAllocation);
        System.out.printf(Locale.ROOT, "%-22s %5s %8s %8s %9s %9s %8s %12s %12s%n", "kind", "n", "refused", "nothing",
                "chunks ok", "lost", "msgs ok", "msgs kept", "max extra B");
        Tally all = new Tally();
        for (Map.Entry<Kind, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            System.out.printf(Locale.ROOT, "%-22s %5d %8d %8d %9d %9d %8d %12d %12d%n", e.getKey(), t.corruptions, t.corruptions,
                    t.zeroKept, t.chunksIntact, t.chunksLost, t.messagesIntact, t.messagesKept, t.maxExtraAllocation);
            all.corruptions += t.corruptions;
            all.messagesIntact += t.messagesIntact;
            all.messagesKept += t.messagesKept;
            all.chunksLost += t.chunksLost;
            all.maxReaderBuffers = Math.max(all.maxReaderBuffers, t.maxReaderBuffers);
        }
        System.out.printf(Locale.ROOT, "all: %d refused by the verifying read; recover kept %d of %d messages in intact chunks"
                        + " (%d chunks lost); largest reader buffers %d bytes for a %d-byte file%n",
                all.corruptions, all.messagesKept, all.messagesIntact, all.chunksLost, all.maxReaderBuffers, original.length);
        assertEquals(CORRUPTIONS, all.corruptions);
    }

    @Test
    void oneFlippedBitAtByte3000KeepsEveryChunkButTheFirst() throws Exception {
        byte[] bad = original.clone();
        bad[3000] ^= 0x10;
        ChunkSpan first = layout.chunks.get(0);
        assertTrue(first.start() < 3000 && 3000 < first.end(), "byte 3000 lies in the first chunk: " + first);
        Path damaged = dir.resolve("flipped.mcap"), out = dir.resolve("flipped-recovered.mcap");
        Files.write(damaged, bad);
        RecoveryReport r = EpisodeRecovery.recover(damaged, out);
        System.out.println("one flipped bit at byte 3000: " + String.join("; ", r.lines()));
        assertEquals(layout.messages() - first.messageKeys().length, r.messagesKept());
        assertEquals(layout.messages(), r.messagesInFile());
        assertEquals(List.of(new RecoveryReport.LostChunk(1, first.start(), r.lostChunks().get(0).startTime(),
                r.lostChunks().get(0).endTime())), r.lostChunks());
        assertEquals(dev.umwelt.episodes.record.EpisodeRecorder.Topic.values().length, r.channelsFromSummary(), "every channel was defined in the lost first chunk");
        assertTrue(String.join("\n", r.lines()).contains("messages from sim time 0.000 s to 0.9"), r.lines().toString());
        EpisodeFile recovered = EpisodeFile.open(out);
        assertEquals(dev.umwelt.episodes.record.EpisodeRecorder.Topic.values().length, recovered.topics().size());
        assertTrue(recovered.result().isPresent());
    }

    @Test
    void theIssuesForgedUncompressedSizeIsRefusedInOneLineBeforeAllocating() throws Exception {
        ChunkSpan victim = layout.chunks.get(5);
        byte[] bad = original.clone();
        long field = victim.start() + 9 + 16;
        for (int i = 0; i < 8; i++) bad[(int) field + i] = (byte) (0x7FFFFFEFL >>> (8 * i));
        Path damaged = dir.resolve("forged.mcap");
        Files.write(damaged, bad);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        DamagedEpisodeException e = assertThrows(DamagedEpisodeException.class, () -> EpisodeFile.open(damaged));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals(DamagedEpisodeException.Kind.CORRUPTED, e.kind());
        assertTrue(e.getMessage().startsWith("forged.mcap is damaged at byte " + victim.start() + " (Chunk record at byte offset "
                + victim.start() + ": uncompressed_size 2147483631 is larger than a chunk may be (268435456 bytes))"), e.getMessage());
        assertTrue(allocated < intactReadAllocation + bad.length + ALLOCATION_SLACK, "allocated " + allocated);
        RecoveryReport r = EpisodeRecovery.recover(damaged, dir.resolve("forged-recovered.mcap"));
        assertEquals(layout.messages() - victim.messageKeys().length, r.messagesKept());
        assertEquals(6, r.lostChunks().get(0).index());
    }

    /** The verifying read refuses the file in one line naming it; returns what it allocated beyond the intact read. */
    private static long verifyingReadRefuses(Path damaged, long size, String label) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        DamagedEpisodeException refused = null;
        try {
            EpisodeFile.open(damaged);
        } catch (DamagedEpisodeException e) {
            refused = e;
        } catch (Throwable e) {
            fail(label + ": the verifying read threw " + e, e);
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertNotNull(refused, label + ": the verifying read reported success on changed data");
        String m = refused.getMessage();
        assertTrue(m.startsWith(damaged.getFileName() + " ") && !m.contains("\n") && m.contains("byte"), label + ": " + m);
        assertTrue(allocated <= intactReadAllocation + size + ALLOCATION_SLACK, label + ": the verifying read allocated "
                + allocated + " bytes (intact file: " + intactReadAllocation + ", file size " + size + ")");
        return allocated - intactReadAllocation;
    }

    /** The most the streamed reader held in its buffers while reading (as the verifying read does) to the damage. */
    private static long readerBuffers(Path damaged) throws Exception {
        try (McapStreamReader r = McapStreamReader.open(damaged).requireCrcs()) {
            try {
                while (r.next() != null) { }
            } catch (McapException expected) {
                // where the damage is: what matters is how much was held until then
            }
            return r.peakBufferBytes();
        }
    }

    /** The keys of the messages in the original chunks whose CRC holds where the damage left them. */
    private static long[] intactMessages(byte[] bad, Corruption c, Tally t) {
        List<Long> keys = new ArrayList<>();
        for (ChunkSpan s : layout.chunks) {
            long at = c.moved(s.start()), length = s.end() - s.start();
            boolean untouched = at + length <= bad.length
                    && Arrays.equals(bad, (int) at, (int) (at + length), original, (int) s.start(), (int) s.end());
            if (untouched || ChunkLayout.chunkRecords(bad, at) != null) {
                for (long k : s.messageKeys()) keys.add(k);
                t.chunksIntact++;
            } else {
                t.chunksLost++;
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    /** Recovers {@code damaged} (left unchanged) and returns the keys of the messages of the recovered file. */
    private static long[] recover(Path damaged, Path out, byte[] bad, String label) throws Exception {
        RecoveryReport report;
        try {
            report = EpisodeRecovery.recover(damaged, out);
        } catch (DamagedEpisodeException e) {
            assertEquals(DamagedEpisodeException.Kind.NOT_MCAP, e.kind(), label + ": " + e.getMessage());
            assertTrue(bad.length < 8 + 9, label + ": refused as not MCAP: " + e.getMessage());
            return new long[0];
        } catch (Throwable e) {
            fail(label + ": recover threw " + e, e);
            throw e;
        }
        assertArrayEquals(bad, Files.readAllBytes(damaged), label + ": recover changed its input");
        for (String line : report.lines()) {
            assertFalse(line.contains("946684"), label + ": a raw epoch time in the report: " + line);
        }
        List<Long> keys = new ArrayList<>();
        try (McapStreamReader r = McapStreamReader.open(out).requireCrcs()) {
            for (McapRecord rec; (rec = r.next()) != null; ) {
                if (rec instanceof Message m) keys.add(ChunkLayout.key(m.channelId(), m.sequence(), m.logTime(), m.data()));
            }
        } catch (McapException e) {
            fail(label + ": the recovered file does not read: " + e.getMessage() + "; " + report.lines());
        }
        assertEquals(keys.size(), report.messagesKept(), label);
        return keys.stream().mapToLong(Long::longValue).toArray();
    }
}
