package dev.umwelt.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.episodes.replay.EpisodeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A suite interrupted (what SIGINT does, through {@link Interrupts#request}, in-process) ends its
 * episode in flight at the next tick, starts no more, and still writes its JSON, its contact sheet
 * and valid episode files for what ran; exit 130.
 */
class InterruptedSuiteTest {
    static final int PLANNED = 40;

    @Test
    void anInterruptedSuiteWritesWhatRanAndExits130(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("suite.json");
        Path episodes = tmp.resolve("out").resolve("episodes");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CompletableFuture<Integer> suite = CompletableFuture.supplyAsync(() -> Umwelt.execute(new PrintWriter(out, true),
                new PrintWriter(err, true), "suite", "--generate", String.valueOf(PLANNED), "--policy", "oracle",
                "--threads", "1", "--json", json.toString(), "--out", tmp.resolve("out").toString()));
        // Once the second episode's file exists the first has ended: interrupt the second.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (mcaps(episodes).size() < 2 && !suite.isDone() && System.nanoTime() < deadline) Thread.sleep(2);
        Interrupts.request("SIGINT", 130);
        int code = suite.get(60, TimeUnit.SECONDS);
        assertEquals(130, code, out + "\n" + err);

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("interrupted").asBoolean());
        assertEquals(PLANNED, report.get("episodesPlanned").asInt());
        JsonNode ran = report.get("episodes");
        assertTrue(ran.size() >= 1 && ran.size() < PLANNED, "ran " + ran.size());
        assertEquals(mcaps(episodes).size(), ran.size(), "one file per episode that ran, and no more started");
        int interrupted = 0;
        for (int i = 0; i < ran.size(); i++) {
            String reason = ran.get(i).get("endReason").asText();
            if (reason.equals("interrupted")) interrupted++;
            // Only the episode in flight can have been interrupted: the last one.
            else assertTrue(List.of("stop", "time-limit").contains(reason), reason);
            if (reason.equals("interrupted")) assertEquals(ran.size() - 1, i, "the last one ran is the interrupted one");
        }
        assertTrue(interrupted <= 1, "one thread, at most one episode in flight: " + interrupted);
        assertEquals(ran.size(), report.get("summary").get("episodes").asInt());
        assertTrue(out.toString().contains("interrupted: " + ran.size() + " of " + PLANNED + " episodes ran"), out.toString());
        for (Path f : mcaps(episodes)) {
            EpisodeFile e = EpisodeFile.open(f); // refuses a file that is not closed and valid
            assertTrue(e.result().isPresent(), f + " has its result");
        }
        assertTrue(Files.size(tmp.resolve("out").resolve("contact-sheet.png")) > 0);
        System.out.printf("suite interrupted after %d of %d episodes (%d ended interrupted)%n", ran.size(), PLANNED, interrupted);
    }

    private static List<Path> mcaps(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".mcap")).sorted().toList();
        }
    }
}
