package dev.umwelt.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one episode of a scenario and print its metrics. Exit 0 when the episode completed "
                + "(success or not), 2 for bad input, 1 for a crash.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
    Path scenario;

    @Spec
    CommandSpec spec;

    @Mixin
    EpisodeOptions options = new EpisodeOptions();

    @Mixin
    PictureOptions pictures = new PictureOptions();

    @Mixin
    RecordOptions record = new RecordOptions();

    @Override
    public Integer call() {
        return options.runAndReport(spec, scenario, pictures, record);
    }
}
