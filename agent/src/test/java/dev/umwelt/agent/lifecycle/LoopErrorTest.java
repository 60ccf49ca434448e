package dev.umwelt.agent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.OfficialMcapReader;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** An Error on an event loop ends the episode and the process (exit 1, one line); nothing waits for ever. */
class LoopErrorTest {
    @Test
    void anOutOfMemoryErrorOnTheEventLoopEndsTheRunWithOneLineAndExitOne(@TempDir Path tmp) throws Exception {
        long begin = System.nanoTime();
        Process p = ChildUmwelt.command(tmp, List.of("-Xmx192m"), HeapEaterMain.class.getName(), "run",
                        Catalog.scenario("single-room").toString(), "--policy", "heap-eater", "--out", tmp.resolve("run").toString())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
        boolean ended = p.waitFor(90, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);
        assertTrue(ended, "the process hung after the OutOfMemoryError: " + err);
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertEquals(1, p.exitValue(), err);
        List<String> lines = err.strip().lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("umwelt: crashed: java.lang.OutOfMemoryError: Java heap space"), lines.get(0));
        // The episode file is still closed and valid, without a result (the episode did not complete).
        JsonNode official = OfficialMcapReader.validate(tmp.resolve("run").resolve("episode.mcap"));
        assertFalse(official.get("metadata").toString().contains("umwelt.result"), official.toString());
        assertTrue(official.get("messageCount").asLong() > 0);
        System.out.printf("OutOfMemoryError on the event loop: exit 1 after %.1f s: %s%n", seconds, lines.get(0));
    }

    @Test
    void anErrorFailsTheEpisodeAndEveryLaterOneInsteadOfLeavingThemWaiting() throws Exception {
        Scenario s = ScenarioLoader.load(Catalog.scenario("single-room"));
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            var f = runner.start(EpisodeSpec.of(s, "broken"), new FailingPolicy("broken", 3, () -> {
                // An Error, not an exception a policy may throw (those end only their episode, as before).
                throw new AssertionError("broken on the loop");
            }), null).toCompletionStage().toCompletableFuture();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
            assertEquals("broken on the loop", e.getCause().getMessage());
            assertInstanceOf(AssertionError.class, e.getCause());
            // After an Error nothing on this runner can be trusted: the next episode fails at once with it.
            var next = runner.start(EpisodeSpec.of(s, "oracle"), null).toCompletionStage().toCompletableFuture();
            ExecutionException again = assertThrows(ExecutionException.class, () -> next.get(30, TimeUnit.SECONDS));
            assertSame(e.getCause(), again.getCause());
            // run() rethrows the Error itself, so the command line prints it as it is.
            AssertionError thrown = assertThrows(AssertionError.class, () -> runner.run(EpisodeSpec.of(s, "oracle"), null));
            assertEquals("broken on the loop", thrown.getMessage());
        }
    }
}
