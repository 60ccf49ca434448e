package dev.umwelt.agent.replay;

import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.CliTest;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapStreamReader;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.policy.walk.RandomWalkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay --verify} runs a recorded episode again through the same control tick as {@code run}:
 * the explorer with its camera, world model and a lidar fault from the command line, shield off,
 * gives every tick's ground truth and command again; another policy on the same file does not.
 */
class RerunVerifyTest {
    @Test
    void aRecordedExplorerEpisodeRunsAgainBitForBit(@TempDir Path tmp) throws Exception {
        CliTest.Outcome run = CliTest.umwelt("run", Catalog.scenario("apartment-find-red-box").toString(), "--policy", "explorer",
                "--no-pictures", "--no-shield", "--fault", "lidar:drop@3s-5s", "--record", tmp.toString());
        assertEquals(0, run.code(), run.err());
        Path file = tmp.resolve("episode.mcap");
        EpisodeFile episode = EpisodeFile.open(file);
        assertEquals("lidar:drop@3.0s-5.0s", episode.get(EpisodeFormat.K_FAULTS));
        assertEquals("false", episode.get(EpisodeFormat.K_SHIELD));
        assertFalse(Rerun.spec(episode).shield());
        assertEquals(1, Rerun.spec(episode).scenario().faults().size());

        Map<String, String> pipeline = null;
        try (McapStreamReader r = McapStreamReader.open(file)) {
            for (McapRecord rec = r.next(); rec != null; rec = r.next()) {
                if (rec instanceof McapRecord.Metadata m && m.name().equals("umwelt.pipeline")) pipeline = m.metadata();
            }
        }
        assertEquals(List.of("1 inject faults", "2 record", "3 end?", "4 observe", "5 update belief", "6 policy", "7 safety",
                "8 actuate"), List.copyOf(new java.util.TreeMap<>(pipeline).keySet()));
        assertEquals("FaultInjector", pipeline.get("1 inject faults"));
        assertEquals("explorer", pipeline.get("6 policy"));
        assertEquals("watchdog, e-stop", pipeline.get("7 safety"), "--no-shield");

        CliTest.Outcome ok = CliTest.umwelt("replay", file.toString(), "--verify");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().matches("verified \\d+ ticks: identical \\(re-run through the control tick, policy explorer\\)\\s*"), ok.out());
        int ticks = Integer.parseInt(ok.out().split(" ")[1]);
        assertTrue(ticks > 100, ok.out());

        CliTest.Outcome physics = CliTest.umwelt("replay", file.toString(), "--verify", "--physics-only");
        assertEquals(0, physics.code(), physics.out() + physics.err());
        assertEquals("verified " + ticks + " ticks: identical", physics.out().strip());

        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            Rerun.Result other = Rerun.verify(episode, new RandomWalkPolicy(), runner);
            assertFalse(other.identical());
            assertTrue(other.divergence().matches("tick \\d+ \\(t=.*"), other.divergence());
        }
    }
}
