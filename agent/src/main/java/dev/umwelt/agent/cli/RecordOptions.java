package dev.umwelt.agent.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

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

    /** The file of a single run whose output directory is {@code runDir}, or null when recording is off. */
    Path runFile(Path runDir) {
        check();
        if (noRecord) return null;
        return (record != null ? record : runDir).resolve(RUN_FILE);
    }

    /** The directory of a suite's episode files, or null when recording is off. */
    Path suiteDirectory(Path outDir) {
        check();
        if (noRecord) return null;
        return record != null ? record : outDir.resolve("episodes");
    }
}
