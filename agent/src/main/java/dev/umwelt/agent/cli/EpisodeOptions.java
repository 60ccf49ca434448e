package dev.umwelt.agent.cli;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options shared by every command that runs an episode. */
final class EpisodeOptions {
    @Option(names = "--policy", defaultValue = "oracle", description = "Policy to drive the robot (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--seed", description = "Seed for every random source (default: the scenario's seed).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object with the metrics instead of a table.")
    boolean json;

    @Option(names = "--events", description = "Also print the episode's events (collisions, STOP, time limit, ...).")
    boolean events;

    @Option(names = "--realtime", description = "Pace the simulation to the wall clock (same trajectory, just slower).")
    boolean realtime;

    /** Loads the scenario, runs the episode, prints its report on the command's output and writes its pictures. */
    int runAndReport(CommandSpec command, Path file, PictureOptions pictures) {
        EpisodeSpec spec = load(file);
        Path dir = pictures.directory(spec.scenario().name());
        return EpisodeConsole.runAndReport(command.commandLine().getOut(), command.commandLine().getErr(), spec, json,
                events, dir);
    }

    EpisodeSpec load(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such scenario file");
        if (!Policies.exists(policy)) {
            throw new BadInputException("--policy: unknown policy '" + policy + "' (known: " + Policies.names() + ")");
        }
        Scenario scenario = ScenarioLoader.load(file);
        return new EpisodeSpec(scenario, seed != null ? seed : scenario.seed(), policy, realtime);
    }
}
