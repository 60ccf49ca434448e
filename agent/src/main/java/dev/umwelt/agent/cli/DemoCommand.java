package dev.umwelt.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "README's main job: the catalog apartment where the robot must find the red box, headless, "
                + "with the default policy; prints its metrics.")
final class DemoCommand implements Callable<Integer> {
    // An object goal: the default explorer is told only "go to the red box", as a real robot would
    // be. (The four-room apartment's "go to the bathroom" names a room, which no map-less robot
    // can find; the explorer rightly refuses it.)
    static final String SCENARIO = "scenarios/catalog/apartment-find-red-box.yaml";

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
