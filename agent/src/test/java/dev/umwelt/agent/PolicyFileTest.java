package dev.umwelt.agent;

import dev.umwelt.agent.CliTest.Outcome;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.policy.explore.ExplorerConfig;
import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.policy.vla.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy files ({@code --policy FILE.yaml}): the shipped ones load, each error names file:line: field, the CLI exits 2 with it. */
class PolicyFileTest {
    static final Path CONFIGS = Path.of("..", "policy", "configs").toAbsolutePath().normalize();

    @Test
    void theShippedExplorerFileIsTheDefaults() {
        PolicyFile f = PolicyFile.load(CONFIGS.resolve("explorer.yaml"));
        assertEquals("explorer", f.policy());
        assertEquals("explorer", f.name());
        assertEquals(ExplorerConfig.DEFAULTS, f.explorer());
        assertNull(f.model());
        ExplorerPolicy p = (ExplorerPolicy) Policies.maker(CONFIGS.resolve("explorer.yaml").toString()).get();
        assertEquals(ExplorerConfig.DEFAULTS, p.config());
    }

    @Test
    void theShippedVlaFileNamesTheDefaultModel() {
        PolicyFile f = PolicyFile.load(CONFIGS.resolve("vla.yaml"));
        assertEquals("vla", f.policy());
        assertEquals("vla", f.name());
        assertEquals(CONFIGS.getParent().resolve("models").resolve("default"), f.model());
        assertNull(f.inference(), "the command line's --inference applies");
        assertNull(f.explorer());
    }

    @Test
    void anOverrideAndANameReachThePolicy(@TempDir Path dir) throws IOException {
        Path file = write(dir, "tuned.yaml", "policy: explorer\nname: wide\nparams:\n  maxLookahead: 0.4\n");
        assertEquals("wide", Policies.displayName(file.toString()));
        ExplorerPolicy p = (ExplorerPolicy) Policies.maker(file.toString()).get();
        assertEquals(0.4, p.config().maxLookahead());
        assertEquals(ExplorerConfig.DEFAULTS.minLookahead(), p.config().minLookahead());
        Path plain = write(dir, "my-oracle.yml", "policy: oracle\n");
        assertEquals("my-oracle", Policies.displayName(plain.toString()), "no name: the file's stem");
        assertTrue(Policies.maker(plain.toString()).get().privileged());
    }

    @Test
    void aVlaFileTakesItsDevice(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("m"));
        PolicyFile f = PolicyFile.load(write(dir, "v.yaml", "policy: vla\nmodel: m\ninference: cpu\n"));
        assertEquals(dir.resolve("m"), f.model());
        assertEquals(ModelDirectory.Inference.CPU, f.inference());
    }

    @Test
    void anUnknownPolicyIsRefusedWithTheNearestName(@TempDir Path dir) throws IOException {
        Path f = write(dir, "p.yaml", "# tuned\npolicy: explorr\n");
        assertEquals(f + ":2: policy: unknown policy 'explorr' (did you mean 'explorer'?); known: "
                + Policies.names(), error(f));
    }

    @Test
    void anUnknownTopLevelKeyIsRefused(@TempDir Path dir) throws IOException {
        Path f = write(dir, "p.yaml", "policy: explorer\nparms:\n  lookRate: 2\n");
        assertEquals(f + ":2: parms: unknown field 'parms' (did you mean 'params'?); allowed fields: policy, name, params, model, inference",
                error(f));
    }

    @Test
    void paramsForAPolicyThatTakesNoneAreRefused(@TempDir Path dir) throws IOException {
        for (String p : List.of("oracle", "teacher", "random", "random-walk", "vla")) {
            Path f = write(dir, p + ".yaml", "policy: " + p + "\nname: x\nparams:\n  lookRate: 2\n");
            assertEquals(f + ":3: params: policy '" + p + "' takes no params", error(f), p);
        }
        Path f = write(dir, "e.yaml", "policy: explorer\nmodel: somewhere\n");
        assertEquals(f + ":2: model: only policy vla reads a model; policy 'explorer' takes none", error(f));
    }

    @Test
    void aMissingModelDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path f = write(dir, "v.yaml", "policy: vla\nmodel: nowhere\n");
        assertEquals(f + ":2: model: no such model directory: " + dir.resolve("nowhere"), error(f));
    }

    @Test
    void outOfRangeAndWrongTypeNameTheirParam(@TempDir Path dir) throws IOException {
        Path f = write(dir, "p.yaml", "policy: explorer\nparams:\n  lookRate: 2\n  objectStop: 50\n");
        assertEquals(f + ":4: params.objectStop: 50 outside [0.05, 5] m", error(f));
        Path g = write(dir, "q.yaml", "policy: explorer\nparams:\n  minInliers: many\n");
        assertEquals(g + ":3: params.minInliers: expected a number, got 'many'", error(g));
    }

    @Test
    void aValueEndingInYamlOrNamingAFileIsAFile(@TempDir Path dir) throws IOException {
        assertTrue(Policies.isFile("missing.yaml"));
        assertTrue(Policies.isFile("x/missing.YML"));
        assertFalse(Policies.isFile("explorer"));
        assertTrue(Policies.isFile(write(dir, "tuned", "policy: explorer\n").toString()));
    }

    @Test
    void theCommandLineExitsTwoWithTheLocatedLine(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.yaml", "policy: explorer\nparams:\n  maxLookahead: 9\n");
        String expected = f + ":3: params.maxLookahead: 9 outside [0.05, 5] m";
        for (String[] args : List.of(new String[] {"suite", "--generate", "1", "--policy", f.toString()},
                new String[] {"suite", "--generate", "1", "--policy", "explorer," + f},
                new String[] {"run", Catalog.DIR.resolve("l-corridor.yaml").toString(), "--no-record", "--no-pictures", "--policy", f.toString()},
                new String[] {"ros", "brain", "--policy", f.toString()})) {
            Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliTest.umwelt(args), String.join(" ", args));
            assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
            assertEquals(expected, o.err().strip(), String.join(" ", args));
        }
        Outcome missing = CliTest.umwelt("suite", "--generate", "1", "--policy", dir.resolve("none.yaml").toString());
        assertEquals(2, missing.code());
        assertEquals("--policy: " + dir.resolve("none.yaml") + ": no such policy file", missing.err().strip());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String error(Path f) {
        return assertThrows(ScenarioException.class, () -> PolicyFile.load(f)).getMessage();
    }
}
