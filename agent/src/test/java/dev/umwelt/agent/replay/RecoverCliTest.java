package dev.umwelt.agent.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umwelt.agent.CliTest;
import dev.umwelt.agent.CliTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code recover} and {@code replay --verify} on damaged episodes of a real simulator run: a forged
 * chunk length is one line and exit 2, never an OutOfMemoryError; {@code recover --out} to a place
 * it cannot write is one line and exit 2 before any work, and never touches the input.
 */
class RecoverCliTest {
    @TempDir
    Path dir;

    /** A 12 s run of single-room (one chunk per second) and where its chunks start. */
    private Path episode(List<Long> chunkStarts) throws Exception {
        Path file = dir.resolve("episode.mcap");
        SimulatedEpisodeFixture.write(file, "single-room.yaml", 3, 240, SimulatedEpisodeFixture::scripted, null);
        byte[] b = Files.readAllBytes(file);
        for (int p = 8; p + 9 < b.length; ) {
            long length = 0;
            for (int i = 7; i >= 0; i--) length = length << 8 | (b[p + 1 + i] & 0xFF);
            if (b[p] == 0x06) chunkStarts.add((long) p);
            if (b[p] == 0x0F) break;
            p += 9 + (int) length;
        }
        return file;
    }

    @Test
    void aForgedUncompressedSizeIsOneLineAndExit2AndRecoverKeepsTheOtherChunks() throws Exception {
        List<Long> chunks = new ArrayList<>();
        Path file = episode(chunks);
        assertTrue(chunks.size() >= 10, "chunks: " + chunks.size());
        byte[] b = Files.readAllBytes(file);
        long victim = chunks.get(3);
        for (int i = 0; i < 8; i++) b[(int) victim + 9 + 16 + i] = (byte) (0x7FFFFFEFL >>> (8 * i));
        Path forged = dir.resolve("forged.mcap");
        Files.write(forged, b);

        Outcome v = CliTest.umwelt("replay", forged.toString(), "--verify");
        assertEquals(2, v.code(), v.out() + v.err());
        assertEquals(1, v.err().strip().lines().count(), v.err());
        assertTrue(v.err().startsWith("forged.mcap is damaged at byte " + victim + " (Chunk record at byte offset " + victim
                + ": uncompressed_size 2147483631 is larger than a chunk may be"), v.err());

        Path out = dir.resolve("forged-recovered.mcap");
        Outcome r = CliTest.umwelt("recover", forged.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("chunks kept: " + (chunks.size() - 1) + " of " + chunks.size()), r.out());
        assertTrue(r.out().contains("lost: chunk 4 of " + chunks.size() + " at byte " + victim + ", messages from sim time 3."), r.out());
        assertArrayEquals(b, Files.readAllBytes(forged), "the input is untouched");
        Outcome again = CliTest.umwelt("replay", out.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertOfficialReaderAccepts(out);
    }

    /** The official TypeScript reader (tools/mcap-validate) finds the recovered file valid: CRCs, indexes, counts. */
    private static void assertOfficialReaderAccepts(Path file) throws Exception {
        JsonNode out = dev.umwelt.agent.OfficialMcapReader.validate(file);
        assertTrue(out.path("valid").asBoolean(), out.toString());
    }

    @Test
    void outToAFolderAMissingFolderAFileOrTheInputIsOneLineAndExit2BeforeAnyWork() throws Exception {
        Path file = episode(new ArrayList<>());
        byte[] before = Files.readAllBytes(file);
        Path notAFolder = dir.resolve("notes.txt");
        Files.writeString(notAFolder, "x");
        Path link = dir.resolve("link.mcap");
        Files.createSymbolicLink(link, file);
        String[][] cases = {
            {dir.toString(), "it is a folder; name a file, e.g. " + dir.resolve("episode-recovered.mcap")},
            {dir.resolve("no/such/folder/out.mcap").toString(), "its folder " + dir.resolve("no/such/folder") + " does not exist"},
            {notAFolder.resolve("out.mcap").toString(), notAFolder + " is not a folder"},
            {file.toString(), "that is the damaged file itself; recovery never overwrites it"},
            {link.toString(), "that is the damaged file itself; recovery never overwrites it"},
        };
        for (String[] c : cases) {
            Outcome o = CliTest.umwelt("recover", file.toString(), "--out", c[0]);
            assertEquals(2, o.code(), c[0] + ": " + o.out() + o.err());
            assertEquals("cannot write the recovered episode to " + c[0] + ": " + c[1], o.err().strip());
            assertEquals("", o.out(), "nothing was done: " + o.out());
        }
        if (Files.isDirectory(Path.of("/proc"))) { // read-only, even for root
            Outcome o = CliTest.umwelt("recover", file.toString(), "--out", "/proc/recovered.mcap");
            assertEquals(2, o.code(), o.out() + o.err());
            assertTrue(o.err().startsWith("cannot write the recovered episode to /proc/recovered.mcap: it cannot be written ("), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".partial")).toList());
        }
    }
}
