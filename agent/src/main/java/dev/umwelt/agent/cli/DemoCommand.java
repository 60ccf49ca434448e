package dev.umwelt.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "README's main job: the catalog's four-room apartment, headless, with the default policy; prints its metrics.")
final class DemoCommand implements Callable<Integer> {
    static final String SCENARIO = "scenarios/catalog/four-room-apartment.yaml";

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
        return options.runAndReport(spec, Umwelt.home().resolve(SCENARIO), pictures, record);
    }
}
