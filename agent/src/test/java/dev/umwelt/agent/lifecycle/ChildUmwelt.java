package dev.umwelt.agent.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The command line in a child JVM, as the launcher starts it, from this module's test classpath. */
final class ChildUmwelt {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private ChildUmwelt() {}

    /**
     * {@code main} with {@code args} in {@code cwd}. SIGINT is reset to its default first
     * ({@code env --default-signal}): a JVM started with SIGINT ignored (a background job of a shell
     * without job control, which a build may be) would keep ignoring it. C1 only: these children run
     * for seconds, and the machine's two cores are shared.
     */
    static ProcessBuilder command(Path cwd, List<String> jvmOptions, String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dumwelt.home=" + HOME));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(cwd.toFile());
    }

    static ProcessBuilder umwelt(Path cwd, String... args) {
        return command(cwd, List.of(), "dev.umwelt.agent.cli.Umwelt", args);
    }

    /**
     * The file named {@code name} that process {@code pid} (or a descendant: {@code env} execs
     * java, so it is the same process) has open, read from /proc: the run's own file, whatever
     * folder it claimed.
     */
    static Optional<Path> openFile(long pid, String name) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.flatMap(fd -> {
                try {
                    return Stream.of(Files.readSymbolicLink(fd));
                } catch (IOException | UnsupportedOperationException e) {
                    return Stream.empty(); // closed meanwhile
                }
            }).filter(p -> p.getFileName() != null && p.getFileName().toString().equals(name)).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // not started yet, or gone
        }
    }

    static void signal(Process p, String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        if (rc != 0) throw new IOException("kill -" + signal + " " + p.pid() + " exited " + rc);
    }
}
