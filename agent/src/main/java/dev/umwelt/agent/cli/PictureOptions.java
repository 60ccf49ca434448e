package dev.umwelt.agent.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a command writes its pictures: {@code --out DIR}, else a fresh {@code runs/<timestamp>-<name>/}. */
final class PictureOptions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Suffixes tried after {@code -2}; past this many runs in one second something else is wrong. */
    static final int MAX_SUFFIX = 10_000;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the pictures (default: runs/<yyyyMMdd-HHmmss>-<name>/ under the current directory, "
                    + "-2, -3, ... appended when another run took that name).")
    Path out;

    @Option(names = "--no-pictures", description = "Write no pictures.")
    boolean noPictures;

    /** The directory to write into, or null when pictures are off; see {@link #runDirectory}. */
    Path directory(String name, PrintWriter err) {
        if (noPictures && out != null) throw new BadInputException("--out and --no-pictures: give one or the other");
        if (noPictures) return null;
        return runDirectory(name, err);
    }

    /**
     * The run's output directory whether or not pictures are on: {@code --out} as given (created
     * when written to), else a fresh directory under runs/, created here.
     */
    Path runDirectory(String name, PrintWriter err) {
        if (out != null) return out;
        return claim(Path.of("runs"), LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "-"), err);
    }

    /**
     * Creates {@code parent/base}, or {@code base-2}, {@code base-3}, ... when that name is taken.
     * Each attempt is one atomic mkdir, so runs started in the same second (in this process or
     * others) never share a directory. When nothing can be created (an unwritable parent) it warns
     * and returns the first name: writing there then fails with its own warnings, as pictures do.
     */
    static Path claim(Path parent, String base, PrintWriter err) {
        Path first = parent.resolve(base);
        try {
            Files.createDirectories(parent);
            for (int k = 1; k <= MAX_SUFFIX; k++) {
                Path dir = k == 1 ? first : parent.resolve(base + "-" + k);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run has it: try the next suffix
                }
            }
            throw new IOException(MAX_SUFFIX + " directories named " + base + "[-k] exist already");
        } catch (IOException | SecurityException e) {
            err.println("warning: could not create " + first + ": " + e);
            err.flush();
            return first;
        }
    }

    /** Pictures are a by-product: failing to write them is a warning, never the episode's exit code. */
    static void warn(PrintWriter err, Path dir, Throwable e) {
        if (e instanceof VirtualMachineError vm && !(e instanceof InternalError)) throw vm;
        err.println("warning: could not write pictures to " + dir + ": " + e);
        err.flush();
    }
}
