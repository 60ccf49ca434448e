package dev.umwelt.agent.cli;

import dev.umwelt.scenarios.generate.GeneratedScenario;
import dev.umwelt.scenarios.generate.ScenarioGenerator;
import dev.umwelt.scenarios.generate.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a generated scenario as YAML, to inspect, edit and rerun with `run`; the same seed and index "
                + "give the scenario that `suite --generate` runs as episode INDEX.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", required = true, description = "Generator seed, 0 to 999999999.")
    long seed;

    @Option(names = "--index", defaultValue = "0", description = "Which scenario of the seed's sequence, 0 to 999999999 - SEED (default: ${DEFAULT-VALUE}).")
    long index;

    @Option(names = "--split", defaultValue = "test", description = "train, val or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--task", defaultValue = "pointnav", description = "pointnav, objectnav or audiogoal (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the YAML.")
    Path out;

    @Override
    public Integer call() throws IOException {
        FlagBounds.generatorSeed("--seed", seed, 1);
        FlagBounds.check("--index", index, 0, Split.SEEDS_PER_SPLIT - 1 - seed);
        OutputFiles.checkWritable("--out", out);
        GeneratedScenario g = ScenarioGenerator.generate(seed, (int) index, SuiteCommand.parseSplit(split), SuiteCommand.parseTask(task));
        OutputFiles.writeAtomically(out, g.yaml().getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().printf("wrote %s: %s, %s%n", out, g.name(), g.difficulty());
        spec.commandLine().getOut().flush();
        return Umwelt.EXIT_OK;
    }
}
