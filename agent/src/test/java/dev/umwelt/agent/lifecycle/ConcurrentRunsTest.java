package dev.umwelt.agent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.OfficialMcapReader;
import dev.umwelt.agent.pictures.RunPictures;
import dev.umwelt.agent.replay.Verifier;
import dev.umwelt.episodes.replay.EpisodeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16's acceptance: ten `run`s of one catalog scenario started in the same second, in one
 * working directory, one of them SIGINTed at a seeded random moment of its episode: ten valid
 * episodes (the official reader), each with its own metrics.json, all in distinct folders; the
 * interrupted one ends `interrupted` with exit 130 and its file still re-simulates bit for bit.
 * A second one gets SIGTERM instead, which must do the same.
 */
class ConcurrentRunsTest {
    static final int RUNS = 10;
    static final long SEED = 16;
    /** More than the header of single-room's file; its first chunk (1 s) ends at ~48 KB. */
    static final long FIRST_CHUNK_BYTES = 20_000;
    private static final Pattern PICTURES = Pattern.compile("(?m)^pictures: (.+)$");
    private static final Pattern EPISODE = Pattern.compile("(?m)^episode: (.+)$");

    @Test
    void tenRunsInOneSecondOneInterruptedGiveTenValidEpisodesInTenFolders(@TempDir Path cwd) throws Exception {
        Random random = new Random(SEED);
        int victim = random.nextInt(RUNS);
        long delayMillis = 200 + random.nextInt(1800);
        int terminated = (victim + 1 + random.nextInt(RUNS - 1)) % RUNS;
        long termDelayMillis = 200 + random.nextInt(1800);
        String scenario = Catalog.scenario("single-room").toString();
        long begin = System.nanoTime();
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // The victims are paced (the 8 s episode takes 8 s), so that the signal lands inside it;
            // the others run lockstep, as fast as the two cores allow.
            ProcessBuilder b = i == victim || i == terminated
                    ? ChildUmwelt.umwelt(cwd, "run", scenario, "--policy", "oracle", "--json", "--realtime")
                    : ChildUmwelt.umwelt(cwd, "run", scenario, "--policy", "oracle", "--json");
            runs.add(b.redirectOutput(cwd.resolve("out-" + i + ".txt").toFile())
                    .redirectError(cwd.resolve("err-" + i + ".txt").toFile()).start());
        }
        double startedWithin = (System.nanoTime() - begin) / 1e9, endedAfter = -1;
        try {
            long opened = awaitFirstChunk(runs.get(victim));
            long termOpened = awaitFirstChunk(runs.get(terminated));
            sleepUntil(opened + TimeUnit.MILLISECONDS.toNanos(delayMillis));
            ChildUmwelt.signal(runs.get(victim), "INT");
            sleepUntil(termOpened + TimeUnit.MILLISECONDS.toNanos(termDelayMillis));
            ChildUmwelt.signal(runs.get(terminated), "TERM");
            for (Process r : runs) assertTrue(r.waitFor(120, TimeUnit.SECONDS), "a run did not end");
            endedAfter = (System.nanoTime() - begin) / 1e9;
        } finally {
            runs.forEach(Process::destroyForcibly);
        }

        Set<Path> folders = new HashSet<>();
        Map<String, Integer> perSecond = new TreeMap<>();
        Set<String> hashesOfCompleted = new HashSet<>();
        double interruptedAt = -1;
        for (int i = 0; i < RUNS; i++) {
            String out = Files.readString(cwd.resolve("out-" + i + ".txt"), StandardCharsets.UTF_8);
            String err = Files.readString(cwd.resolve("err-" + i + ".txt"), StandardCharsets.UTF_8);
            boolean signalled = i == victim || i == terminated;
            assertEquals(signalled ? 130 : 0, runs.get(i).exitValue(), "run " + i + ": " + out + err);
            JsonNode printed = new ObjectMapper().readTree(out);
            Path dir = cwd.resolve(group(PICTURES, err, "run " + i + " (stdout: " + out + ")")).normalize();
            Path episode = cwd.resolve(group(EPISODE, err, "run " + i)).normalize();
            assertEquals(dir.resolve("episode.mcap"), episode, "the episode lies in the run's own folder");
            assertTrue(folders.add(dir), "run " + i + " shares " + dir);
            String name = dir.getFileName().toString();
            assertTrue(name.matches("\\d{8}-\\d{6}-single-room(-\\d+)?"), name);
            perSecond.merge(name.substring(0, 15), 1, Integer::sum);

            JsonNode metrics = new ObjectMapper().readTree(dir.resolve(RunPictures.METRICS).toFile());
            assertEquals(printed.get("trajectoryHash"), metrics.get("trajectoryHash"), "run " + i + "'s own metrics");
            assertTrue(Files.size(dir.resolve(RunPictures.TRAJECTORY)) > 0, "run " + i + " trajectory.png");
            assertEquals(signalled ? "interrupted" : "stop", metrics.get("endReason").asText(), "run " + i);

            JsonNode official = OfficialMcapReader.validate(episode);
            assertEquals(0, official.get("errors").size(), official.toString());
            assertEquals("ok", official.get("dataSectionCrc").asText());
            assertTrue(official.get("metadata").toString().contains("umwelt.result"), "run " + i + " has its result");
            if (signalled) {
                if (i == victim) interruptedAt = metrics.get("timeSeconds").asDouble();
                assertTrue(err.contains(i == victim ? "SIGINT" : "SIGTERM"), err);
                assertTrue(metrics.get("timeSeconds").asDouble() < 8.0, "ended early: " + metrics);
                Verifier.Result v = Verifier.verify(EpisodeFile.open(episode));
                assertTrue(v.identical(), "the interrupted episode re-simulates: " + v.divergence());
            } else {
                hashesOfCompleted.add(metrics.get("trajectoryHash").asText());
            }
        }
        assertEquals(RUNS, folders.size());
        // Ten claims within a few seconds: some fell in the same second, and took -2, -3, ...
        assertTrue(perSecond.values().stream().anyMatch(n -> n > 1), "no two runs shared a second: " + perSecond);
        assertEquals(1, hashesOfCompleted.size(), "runs side by side do not change the trajectory: " + hashesOfCompleted);
        assertTrue(interruptedAt >= 1.0, "interrupted after its first chunk: " + interruptedAt + " s");
        System.out.printf("%d runs started within %.2f s; folders per second %s; run %d SIGINTed %d ms after its "
                        + "first chunk, at sim %.2f s (run %d SIGTERMed); runs ended after %.1f s, checked after %.1f s%n", RUNS, startedWithin,
                perSecond.values(), victim, delayMillis, interruptedAt, terminated, endedAfter, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * When {@code p}'s episode file had its first chunk (System.nanoTime): chunks close every
     * simulated second and go to the OS at once, so the episode is then under way.
     */
    private static long awaitFirstChunk(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (p.isAlive() && System.nanoTime() < deadline) {
            Optional<Path> file = ChildUmwelt.openFile(p.pid(), "episode.mcap");
            if (file.isPresent() && Files.size(file.get()) > FIRST_CHUNK_BYTES) return System.nanoTime();
            Thread.sleep(10);
        }
        return fail("run " + p.pid() + " never wrote a chunk");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
        if (ms > 0) Thread.sleep(ms);
    }

    private static String group(Pattern p, String text, String run) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), run + " printed no '" + p.pattern() + "': " + text);
        return m.group(1).strip();
    }
}
