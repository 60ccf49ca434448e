package dev.umwelt.agent.replay;

import dev.umwelt.agent.Catalog;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.episodes.recover.EpisodeRecovery;
import dev.umwelt.episodes.recover.RecoveryReport;
import dev.umwelt.episodes.replay.EpisodeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A run killed with SIGKILL mid-episode, then `recover`, loses at most the last 1 s of sim time. */
class SigkillRecoveryTest {
    static final long KILL_AT_NANOS = 6_000_000_000L;

    @Test
    void killedRecordingRecoversAllButTheLastSecond(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("episode.mcap");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledEpisodeMain.class.getName(),
                file.toString(), Catalog.scenario("dead-ends").toString(), "4")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastSeen = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lastSeen = Long.parseLong(line.strip());
                if (lastSeen >= KILL_AT_NANOS) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(lastSeen >= KILL_AT_NANOS, "the episode ran past " + KILL_AT_NANOS + " ns before the kill: " + lastSeen);
        assertNotEquals(0, child.exitValue(), "killed, not finished");

        assertCutShortWithAWayOut(file);
        Path recovered = tmp.resolve("recovered.mcap");
        RecoveryReport report = EpisodeRecovery.recover(file, recovered);
        List<EpisodeFile.Timed<Odometry>> truth = EpisodeFile.open(recovered).messages("/umwelt/ground_truth", Odometry.class);
        long lastKept = truth.get(truth.size() - 1).logTime() - Clock.SIM_EPOCH_NANOS;
        double lostSeconds = (lastSeen - lastKept) / 1e9;
        System.out.printf("killed at sim %.2f s (last tick seen), recovered up to %.2f s: lost %.2f s; %s%n",
                lastSeen / 1e9, lastKept / 1e9, lostSeconds, String.join("; ", report.lines()));
        assertTrue(lostSeconds <= 1.0, "lost " + lostSeconds + " s of sim time");
        assertEquals(0, report.damaged().size(), "a kill only cuts the tail; no chunk is damaged: " + report.lines());
        Verifier.Result v = Verifier.verify(EpisodeFile.open(recovered));
        assertTrue(v.identical(), "the recovered prefix still replays bit for bit: " + v.divergence());
    }

    /** Before recovery the file is cut short, and replay says so in one line with the way out. */
    private static void assertCutShortWithAWayOut(Path file) {
        var o = dev.umwelt.agent.CliTest.umwelt("replay", file.toString(), "--verify");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("recover"), o.err());
    }
}
