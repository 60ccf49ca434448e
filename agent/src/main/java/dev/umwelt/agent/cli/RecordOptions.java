package dev.umwelt.agent.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.function.Supplier;

/** Where a command records its episodes (MCAP, episodes/FORMAT.md): on by default. */
final class RecordOptions {
    /** The file name of a single run's episode in its directory. */
    static final String RUN_FILE = "episode.mcap";

    @Option(names = "--record", paramLabel = "DIR",
            description = "Directory for the episode files (default: the run's output directory; suite: <out>/episodes/).")
    Path record;

    @Option(names = "--no-record", description = "Record no episode file.")
    boolean noRecord;

    void check() {
        if (noRecord && record != null) throw new BadInputException("--record and --no-record: give one or the other");
    }

    /**
     * The file of a single run, or null when recording is off; {@code runDir} (the run's output
     * directory, which may create it) is asked only when the file goes there.
     */
    Path runFile(Supplier<Path> runDir) {
        check();
        if (noRecord) return null;
        return (record != null ? record : runDir.get()).resolve(RUN_FILE);
    }

    /** The directory of a suite's episode files, or null when recording is off; {@code outDir} as in {@link #runFile}. */
    Path suiteDirectory(Supplier<Path> outDir) {
        check();
        if (noRecord) return null;
        return record != null ? record : outDir.get().resolve("episodes");
    }
}
