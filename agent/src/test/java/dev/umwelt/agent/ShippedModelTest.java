package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.agent.suite.SuiteEntry;
import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.agent.suite.SuiteRunner;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.VlaModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The model {@code --policy vla} loads without {@code --model} (policy/models/default): it passes
 * every load-time check against the catalog robot, stays within the 20 MB budget, its card names
 * the SHA-256 of the model.onnx beside it, and its trajectories do not depend on the thread count.
 */
class ShippedModelTest {
    static final Path DIR = Path.of("..").toAbsolutePath().normalize().resolve(Policies.DEFAULT_MODEL);
    static final Path TRAINER_INPUTS = DIR.resolveSibling("../training/inputs/default.json").normalize();

    @Test
    void theDefaultModelLoadsIsSmallAndItsCardNamesItsHash() throws Exception {
        var robot = VlaEpisodesTest.shortened("single-room").robot();
        VlaModel m = ModelDirectory.load(DIR, robot, ModelDirectory.Inference.CPU);
        String sha = ModelDirectory.sha256(DIR.resolve(ModelDirectory.MODEL));
        assertEquals(sha, m.manifest().modelSha256());
        long bytes;
        try (Stream<Path> files = Files.list(DIR)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes <= 20L << 20, "the shipped model directory holds " + bytes + " bytes; the budget is 20 MB");
        String card = Files.readString(DIR.resolve(ModelDirectory.CARD));
        assertTrue(card.contains(sha), "the card names model.onnx's SHA-256");
        assertTrue(card.contains("make_default_model.sh"), "the card gives the commands that made it");
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve(ModelDirectory.MANIFEST).toFile());
        assertEquals("waypoints", manifest.path("action").path("space").asText());
        JsonNode trainer = new ObjectMapper().readTree(TRAINER_INPUTS.toFile());
        assertEquals(trainer.path("inputs"), manifest.path("inputs"), "the shipped model is trained on the trainer's default inputs");
        assertEquals(10, manifest.path("inputs").get(3).path("shape").get(1).asInt(), "the 10-channel belief, the source channel last");
    }

    @Test
    void theDefaultModelDrivesTheSameOnOneAndTwoThreads() {
        List<SuiteEntry> entries = new ArrayList<>();
        for (String name : List.of("office-find-green-cylinder", "kitchen-beeping-alarm", "l-corridor")) {
            entries.add(SuiteEntry.of(VlaEpisodesTest.shortened(name)));
        }
        var robots = entries.stream().map(e -> e.scenario().robot()).distinct().toList();
        var vla = Policies.maker("vla", DIR, ModelDirectory.Inference.CPU, robots);
        List<SuiteOutcome> one = new SuiteRunner(1).run(entries, "vla", vla, null);
        List<SuiteOutcome> two = new SuiteRunner(2).run(entries, "vla", vla, null);
        assertEquals(SuiteDeterminismTest.hashes(one), SuiteDeterminismTest.hashes(two), "the thread count must not change a trajectory");
        for (SuiteOutcome o : one) {
            var m = o.result().metrics();
            assertTrue(m.pathLength() > 0.3, "the trained model drives: " + o.entry().scenario().name() + ": " + m);
            assertEquals(0, m.collisions(), "the shield holds: " + o.entry().scenario().name() + ": " + m);
        }
    }
}
