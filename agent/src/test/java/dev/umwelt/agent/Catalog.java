package dev.umwelt.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped scenario catalog, as seen from the agent module's tests. */
public final class Catalog {
    public static final Path DIR = Path.of("..", "scenarios", "catalog").toAbsolutePath().normalize();

    private Catalog() {}

    public static Path scenario(String name) {
        return DIR.resolve(name + ".yaml");
    }

    public static List<Path> scenarios() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
