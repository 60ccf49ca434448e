package dev.umwelt.agent.cli;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.view.ViewerFeed;
import dev.umwelt.agent.view.ViewerUnavailableException;
import dev.umwelt.agent.view.ViewerWindow;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.fault.Fault;
import dev.umwelt.bus.fault.FaultSpec;
import dev.umwelt.policy.Policy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by every command that runs an episode. */
final class EpisodeOptions {
    @Option(names = "--policy", defaultValue = "explorer",
            description = "Policy to drive the robot, by name or a policy file FILE.yaml (policy/configs/; "
                    + "default: ${DEFAULT-VALUE}; oracle: the privileged upper bound).")
    String policy;

    @Option(names = "--seed", description = "Seed for every random source (default: the scenario's seed).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON object with the metrics instead of a table.")
    boolean json;

    @Option(names = "--events", description = "Also print the episode's events (collisions, STOP, time limit, ...).")
    boolean events;

    @Option(names = "--realtime", description = "Pace the simulation to the wall clock (same trajectory, just slower).")
    boolean realtime;

    @Option(names = "--view", description = "Show the episode live in a window (needs a display); paced as --realtime. "
            + "Closing the window ends the episode (end reason viewer-closed).")
    boolean view;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1.0",
            description = "With --realtime or --view: simulated seconds per wall-clock second, in [0.01, 1000] (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--no-shield", description = "Run without the safety shield (the watchdog and e-stop stay).")
    boolean noShield;

    @Option(names = "--fault", paramLabel = "SENSOR:KIND[=ARG]@FROM-TO",
            description = "Inject a sensor fault, added to the scenario's (repeatable), e.g. lidar:drop@10s-20s, "
                    + "camera:corrupt=black@5s-8s, lidar:noise=0.5@2s-4s, odometry:delay=0.3@1s-5s, lidar:corrupt=nan@3s-6s.")
    List<String> faults = new ArrayList<>();

    @Option(names = "--teacher", paramLabel = "POLICY",
            description = "Run POLICY alongside on the same observations and record what it proposes each tick on "
                    + "/umwelt/teacher/action without letting it drive (DAgger labels; meant for --policy vla --teacher teacher).")
    String teacher;

    @Mixin
    ModelOptions models = new ModelOptions();

    /** {@code --teacher}'s policy, checked: known by name and without a model of its own (null: none). */
    static String teacher(String name) {
        if (name == null) return null;
        if (!Policies.exists(name)) {
            throw new BadInputException("--teacher: unknown policy '" + name + "' (known: " + Policies.names() + ")");
        }
        if (Policies.takesModel(name)) throw new BadInputException("--teacher: " + name + " reads a model; a teacher is a policy without one");
        return name;
    }

    /** The scenario's faults followed by the command line's; a bad one is bad input naming it. */
    static Scenario withFaults(Scenario scenario, List<String> specs) {
        if (specs == null || specs.isEmpty()) return scenario;
        List<Fault> all = new ArrayList<>(scenario.faults());
        for (String f : specs) {
            try {
                all.add(FaultSpec.parse(f));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--fault: " + e.getMessage());
            }
        }
        return scenario.withFaults(all);
    }

    /** Loads the scenario, runs the episode, prints its report on the command's output and writes its pictures. */
    int runAndReport(CommandSpec command, Path file, PictureOptions pictures, RecordOptions record) {
        PrintWriter err = command.commandLine().getErr();
        EpisodeSpec spec = load(file);
        record.check();
        // A model is loaded and checked against the robot before anything else is opened.
        Policy policy = models.makers(List.of(this.policy), List.of(spec.scenario().robot())).get(this.policy).get();
        // Opened before the episode, so that a missing display is reported before any work.
        ViewerWindow viewer = view ? openViewer(spec) : null;
        Path dir = pictures.directory(spec.scenario().name(), err);
        // Without pictures the episode still goes into a run directory of its own.
        Path episode = record.runFile(() -> dir != null ? dir : pictures.runDirectory(spec.scenario().name(), err));
        return EpisodeConsole.runAndReport(command.commandLine().getOut(), err, spec, policy, json, events, dir, episode, viewer);
    }

    private static ViewerWindow openViewer(EpisodeSpec spec) {
        try {
            return ViewerWindow.open(new ViewerFeed(spec.scenario()));
        } catch (ViewerUnavailableException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    EpisodeSpec load(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such scenario file");
        String name = PolicyOption.check(policy);
        FlagBounds.speed("--speed", speed);
        if (speed != 1.0 && !realtime && !view) throw new BadInputException("--speed: only paced runs have a speed: add --realtime or --view");
        Scenario scenario = withFaults(ScenarioLoader.load(file), faults);
        // The viewer is paced so that a person can follow; pacing never changes the trajectory.
        return EpisodeSpec.of(scenario, name).withSeed(seed != null ? seed : scenario.seed()).withPacing(realtime || view, speed)
                .withShield(!noShield).withTeacher(teacher(teacher));
    }
}
