package dev.umwelt.episodes.replay;

import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.mcap.McapIndexedReader;
import dev.umwelt.episodes.mcap.McapRecord.ChunkIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EpisodeFileTest {
    @TempDir
    Path dir;

    @Test
    void readsMetadataTopicsAndDecodedMessagesInLogTimeOrder() throws Exception {
        Path file = dir.resolve("episode.mcap");
        SyntheticEpisode.write(file, 100, true);
        EpisodeFile e = EpisodeFile.open(file);
        assertEquals("synthetic", e.get(EpisodeFormat.K_SCENARIO_NAME));
        assertEquals(Map.of("outcome", "SUCCESS"), e.result().orElseThrow());
        assertEquals(List.of(new EpisodeFile.Topic(EpisodeFormat.GROUND_TRUTH, "nav_msgs/Odometry", 100),
                new EpisodeFile.Topic(EpisodeFormat.COMMAND, "umwelt_msgs/VelocityCommand", 100)), e.topics());
        List<EpisodeFile.Timed<Odometry>> gt = e.messages(EpisodeFormat.GROUND_TRUTH, Odometry.class);
        for (int k = 0; k < 100; k++) {
            assertEquals(SyntheticEpisode.stamp(k), gt.get(k).logTime());
            assertEquals(SyntheticEpisode.pose(k).x(), gt.get(k).value().pose().x());
        }
        assertEquals(100, e.messages(EpisodeFormat.COMMAND, VelocityCommand.class).size());
        assertEquals(List.of(), e.messages(EpisodeFormat.SCAN, Odometry.class));
        assertEquals(SyntheticEpisode.stamp(99) - SyntheticEpisode.stamp(0), e.lastLogTime() - e.firstLogTime());
    }

    @Test
    void aFileWithoutResultIsStillAnEpisode() throws Exception {
        Path file = dir.resolve("episode.mcap");
        SyntheticEpisode.write(file, 10, false);
        assertTrue(EpisodeFile.open(file).result().isEmpty());
    }

    @Test
    void aTruncatedFileSaysItWasCutShortAndHowToRecover() throws Exception {
        Path file = dir.resolve("episode.mcap");
        SyntheticEpisode.write(file, 100, true);
        byte[] all = Files.readAllBytes(file);
        for (int cut : new int[] {all.length - 1, all.length / 2, 40}) {
            Files.write(file, Arrays.copyOf(all, cut));
            DamagedEpisodeException x = assertThrows(DamagedEpisodeException.class, () -> EpisodeFile.open(file));
            assertEquals(DamagedEpisodeException.Kind.CUT_SHORT, x.kind(), x.getMessage());
            assertEquals("episode.mcap is cut short at byte " + cut + " (no summary or footer): the episode was not closed;"
                    + " recover it with: ./umwelt recover " + file + " --out " + dir.resolve("episode-recovered.mcap"),
                    x.getMessage());
        }
    }

    @Test
    void aCorruptedChunkIsNamedByItsOffset() throws Exception {
        Path file = dir.resolve("episode.mcap");
        SyntheticEpisode.write(file, 100, true);
        ChunkIndex chunk;
        try (McapIndexedReader r = McapIndexedReader.open(file)) {
            chunk = r.chunkIndexes().get(2);
        }
        byte[] all = Files.readAllBytes(file);
        all[(int) (chunk.chunkStartOffset() + chunk.chunkLength() - 20)] ^= 0x5A;
        Files.write(file, all);
        DamagedEpisodeException x = assertThrows(DamagedEpisodeException.class, () -> EpisodeFile.open(file));
        assertEquals(DamagedEpisodeException.Kind.CORRUPTED, x.kind());
        assertTrue(x.getMessage().startsWith("episode.mcap is damaged at byte " + chunk.chunkStartOffset() + " ("), x.getMessage());
        assertTrue(x.getMessage().contains("./umwelt recover"), x.getMessage());
    }

    @Test
    void notMcapAndNotAnEpisodeAreToldApart() throws Exception {
        Path text = dir.resolve("notes.mcap");
        Files.writeString(text, "hello, this is not a recording");
        DamagedEpisodeException x = assertThrows(DamagedEpisodeException.class, () -> EpisodeFile.open(text));
        assertEquals(DamagedEpisodeException.Kind.NOT_MCAP, x.kind());
        assertTrue(x.getMessage().startsWith("notes.mcap is not an MCAP file"), x.getMessage());

        Path plain = dir.resolve("plain.mcap");
        try (var w = dev.umwelt.episodes.mcap.McapWriter.create(plain, dev.umwelt.episodes.mcap.McapWriteOptions.production())) {
            w.addSchema("x/Y", "ros1msg", new byte[0]);
        }
        x = assertThrows(DamagedEpisodeException.class, () -> EpisodeFile.open(plain));
        assertEquals(DamagedEpisodeException.Kind.NOT_AN_EPISODE, x.kind());
        assertTrue(x.getMessage().contains("not an Umwelt episode"), x.getMessage());
    }
}
