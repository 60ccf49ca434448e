package dev.umwelt.agent.cli;

import dev.umwelt.agent.episode.InputsExport;
import dev.umwelt.episodes.export.DatasetExporter;
import dev.umwelt.episodes.export.ExportOptions;
import dev.umwelt.episodes.export.ExportSummary;
import dev.umwelt.policy.vla.DatasetInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Turns recorded episodes (MCAP files from run/suite --record, or folders",
                "searched recursively for *.mcap) into a training set: one sample per control",
                "tick with the observation the policy acted on, the instruction, its action and",
                "the passed command, waypoint and STOP labels and privileged ground truth, as",
                "numpy .npz shards plus meta.json (format: episodes/FORMAT.md). A damaged",
                "episode is exported up to its damage and reported in one line; it never stops",
                "the export. Exit codes: 0 exported, 2 bad arguments or nothing exportable."})
final class ExportCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");
    /** {@code --waypoint-step}, seconds. */
    static final double MIN_STEP = 0.01, MAX_STEP = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Episode files (.mcap) or folders holding them.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the dataset goes (a new or empty folder).")
    Path out;

    @Option(names = "--camera", paramLabel = "WxH", defaultValue = "64x48",
            description = "Exported camera size, 1 to 1024 per side (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--shard-size", paramLabel = "N", defaultValue = "4096",
            description = "Samples per .npz shard, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
    long shardSize;

    @Option(names = "--waypoints", paramLabel = "K", defaultValue = "5",
            description = "Future poses per sample, 1 to 100 (default: ${DEFAULT-VALUE}).")
    long waypoints;

    @Option(names = "--waypoint-step", paramLabel = "S", defaultValue = "0.2",
            description = "Sim seconds between waypoints, 0.01 to 10 (default: ${DEFAULT-VALUE}).")
    double waypointStep;

    @Option(names = "--no-audio", description = "Leave the audio array out (a third of each sample's bytes; for silent tasks).")
    boolean noAudio;

    @Option(names = "--inputs", paramLabel = "FILE",
            description = {"A model's inputs (JSON: a manifest's inputs array and queryRateHz, e.g.",
                    "policy/training/inputs/default.json): samples are then the policy's query ticks only,",
                    "each with in_<name> arrays as the runtime builds them (the world model rebuilt",
                    "from the episode), plus instruction_embeddings.npy."})
    Path inputsFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ExportOptions options = options();
        // Read first: a bad inputs file is one line naming the file and the field, exit 2.
        InputsExport sampleInputs = inputsFile == null ? null : new InputsExport(DatasetInputs.read(inputsFile));
        for (Path p : inputs) if (!Files.exists(p)) throw new BadInputException(p + ": no such episode file or folder");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException("--out " + out + ": is a file; give a folder for the dataset");
        if (Files.exists(out.resolve(DatasetExporter.META)) || Files.exists(out.resolve("shard-00000.npz"))) {
            throw new BadInputException("--out " + out + ": already holds a dataset; give a new folder or remove it");
        }
        List<Path> files = episodeFiles();
        if (files.isEmpty()) throw new BadInputException(String.join(" ", inputs.stream().map(Path::toString).toList())
                + ": no episode files (*.mcap)");
        ExportSummary s = DatasetExporter.export(files, out, options, sampleInputs, line -> {
            o.println(line);
            o.flush();
        }, line -> {
            err.println("warning: " + line);
            err.flush();
        });
        if (s.samples() == 0) {
            err.println("umwelt export: nothing exported: none of the " + files.size() + " files held a readable tick (see above)");
            return Umwelt.EXIT_BAD_INPUT;
        }
        o.println(s.line());
        return Umwelt.EXIT_OK;
    }

    private ExportOptions options() {
        Matcher m = SIZE.matcher(camera.strip());
        if (!m.matches()) throw new BadInputException("--camera: '" + camera + "' is not WIDTHxHEIGHT, e.g. 64x48");
        int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
        FlagBounds.check("--camera width", w, 1, ExportOptions.MAX_CAMERA_SIDE);
        FlagBounds.check("--camera height", h, 1, ExportOptions.MAX_CAMERA_SIDE);
        FlagBounds.check("--shard-size", shardSize, 1, ExportOptions.MAX_SHARD_SAMPLES);
        FlagBounds.check("--waypoints", waypoints, 1, ExportOptions.MAX_WAYPOINTS);
        FlagBounds.check("--waypoint-step", waypointStep, MIN_STEP, MAX_STEP);
        return new ExportOptions(w, h, (int) shardSize, (int) waypoints, Math.round(waypointStep * 1e9), !noAudio);
    }

    /** Files as given; folders searched recursively for *.mcap; sorted by path within each folder; the output folder left out. */
    private List<Path> episodeFiles() throws IOException {
        Path outAbs = out.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(f -> f.getFileName().toString().endsWith(".mcap") && Files.isRegularFile(f))
                        .filter(f -> !f.toAbsolutePath().normalize().startsWith(outAbs))
                        .sorted().forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return files;
    }
}
