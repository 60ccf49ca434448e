package dev.umwelt.agent.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file a command writes when done (a suite's --json, generate's --out): checked before the work, written whole. */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * Before any work: {@code file} can be written (its directory exists or is created, a file can
     * be created in it, and {@code file} is not a directory); otherwise bad input, one line naming
     * {@code flag}, the path and why.
     */
    static void checkWritable(String flag, Path file) {
        if (Files.isDirectory(file)) throw new BadInputException(flag + ": " + file + " is a directory, not a file");
        Path parent = directoryOf(file);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException(flag + ": cannot create the directory " + parent + " for " + file + ": " + describe(e));
        }
        try {
            Files.delete(Files.createTempFile(parent, "." + file.getFileName(), ".check"));
        } catch (IOException e) {
            throw new BadInputException(flag + ": cannot write " + file + ": " + describe(e));
        }
    }

    /**
     * Writes {@code bytes} into a temporary file beside {@code file}, then renames it over
     * {@code file}: a reader sees the old file or the whole new one, never half of it.
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path parent = directoryOf(file);
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }

    /** Why a file operation failed, in words (Java's messages are often just the path). */
    static String describe(IOException e) {
        String where = e instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
        if (e instanceof AccessDeniedException) return "permission denied" + where;
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) return "not a directory" + where;
        if (e instanceof NoSuchFileException) return "no such file or directory" + where;
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason() + where;
        return String.valueOf(e.getMessage());
    }
}
