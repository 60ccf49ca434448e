package dev.umwelt.agent.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a command writes its pictures: {@code --out DIR}, else a fresh {@code runs/<timestamp>-<name>/}. */
final class PictureOptions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the pictures (default: runs/<yyyyMMdd-HHmmss>-<name>/ under the current directory).")
    Path out;

    @Option(names = "--no-pictures", description = "Write no pictures.")
    boolean noPictures;

    /** The directory to write into (not yet created), or null when pictures are off. */
    Path directory(String name) {
        if (noPictures && out != null) throw new BadInputException("--out and --no-pictures: give one or the other");
        if (noPictures) return null;
        return runDirectory(name);
    }

    /** The run's output directory whether or not pictures are on: {@code --out}, else a fresh one under runs/. */
    Path runDirectory(String name) {
        if (out != null) return out;
        Path base = Path.of("runs", LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "-"));
        // Two runs in the same second must not overwrite each other's pictures.
        Path dir = base;
        for (int k = 2; Files.exists(dir); k++) dir = Path.of(base + "-" + k);
        return dir;
    }

    /** Pictures are a by-product: failing to write them is a warning, never the episode's exit code. */
    static void warn(PrintWriter err, Path dir, Throwable e) {
        if (e instanceof VirtualMachineError vm && !(e instanceof InternalError)) throw vm;
        err.println("warning: could not write pictures to " + dir + ": " + e);
        err.flush();
    }
}
