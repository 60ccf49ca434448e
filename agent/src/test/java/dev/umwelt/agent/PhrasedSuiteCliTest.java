package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.umwelt.agent.CliTest.umwelt;
import static org.junit.jupiter.api.Assertions.*;

/** {@code suite --generate N --phrasings FILE}: the same episodes with the instruction in the file's words. */
class PhrasedSuiteCliTest {
    static final String HELDOUT = TeacherEpisodesTest.HELDOUT.toString();
    static final int N = 3;

    static JsonNode suite(Path json, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("suite", "--generate", String.valueOf(N), "--split", "val",
                "--task", "objectnav", "--policy", "oracle", "--threads", "2", "--no-pictures", "--json", json.toString()));
        args.addAll(List.of(extra));
        CliTest.Outcome o = umwelt(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        return new ObjectMapper().readTree(json.toFile()).get("episodes");
    }

    @Test
    void theRephrasedSuiteRunsTheSameScenariosWithOtherInstructions(@TempDir Path tmp) throws Exception {
        Path episodes = tmp.resolve("episodes");
        JsonNode plain = suite(tmp.resolve("plain.json"), "--no-record");
        JsonNode phrased = suite(tmp.resolve("phrased.json"), "--phrasings", HELDOUT, "--record", episodes.toString());
        assertEquals(N, phrased.size());
        for (int i = 0; i < N; i++) {
            JsonNode a = plain.get(i), b = phrased.get(i);
            assertEquals(a.get("scenario").asText(), b.get("scenario").asText());
            assertEquals(a.get("seed").asLong(), b.get("seed").asLong());
            assertEquals(a.get("geodesicDistance").asDouble(), b.get("geodesicDistance").asDouble(), 0.0);
            // The oracle reads the scenario, not the words: the same drive.
            assertEquals(a.get("trajectoryHash").asText(), b.get("trajectoryHash").asText());
            String generator = ScenarioGenerator.generate(0, i, Split.VAL, "objectnav").scenario().task().instruction();
            assertFalse(a.has("instruction"), "a plain suite adds no label");
            assertNotEquals(generator, b.get("instruction").asText());
            assertTrue(b.get("phrasing").asText().matches("heldout\\.txt:\\d+"), b.get("phrasing").asText());
        }
        // The episode files hold the instruction the robot was given, in its channel and in the scenario.
        try (Stream<Path> files = Files.walk(episodes)) {
            List<Path> mcaps = files.filter(f -> f.toString().endsWith(".mcap")).sorted().toList();
            assertEquals(N, mcaps.size());
            for (Path f : mcaps) {
                EpisodeFile e = EpisodeFile.open(f);
                String said = e.messages(EpisodeFormat.INSTRUCTION, Instruction.class).get(0).value().text();
                int i = Integer.parseInt(e.get(EpisodeFormat.K_SCENARIO_NAME).replaceAll(".*-i", ""));
                assertEquals(phrased.get(i).get("instruction").asText(), said);
                assertTrue(e.get(EpisodeFormat.K_SCENARIO_YAML).contains("instruction: \"" + said + "\""), f.toString());
            }
        }
    }

    @Test
    void aBadPhrasingFileIsRefusedOnItsLineBeforeAnyEpisode(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "[objectnav]\ngo to the {colour} {shape}\nfetch the {colour} one\n");
        CliTest.Outcome o = umwelt("suite", "--generate", "2", "--task", "objectnav", "--phrasings", bad.toString(), "--no-record",
                "--no-pictures");
        assertEquals(2, o.code());
        assertEquals(bad + ":3: template without a target slot: 'fetch the {colour} one' (an [objectnav] template names its "
                + "target with {colour} and {shape})", o.err().strip());
        assertEquals(2, umwelt("suite", "--generate", "2", "--task", "pointnav", "--phrasings", bad.toString(), "--no-record").code(),
                "no [pointnav] templates");
        assertEquals(2, umwelt("suite", Catalog.DIR.toString(), "--phrasings", HELDOUT, "--no-record").code(), "only with --generate");
        assertEquals(2, umwelt("suite", "--generate", "2", "--phrasing-seed", "3", "--no-record").code(), "only with --phrasings");
    }
}
