package dev.umwelt.agent.view;

import dev.umwelt.agent.cli.Umwelt;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-JVM side of {@link ViewerWindowTest}, run under {@code xvfb-run -a}: two {@code run --view}
 * episodes of a scenario through the real command line. The first runs to its end (fast, at
 * speed 50) and saves the window's last contents; the second is paced at real time and its
 * window is closed after a few frames, as a person would. Writes each run's stdout (one JSON
 * object) and exit code into the output directory.
 * Arguments: scenario file, output directory.
 */
public final class ViewerMain {
    public static void main(String[] args) throws IOException {
        String scenario = args[0];
        Path out = Path.of(args[1]);
        ViewerWindow.setTestHooks(0, out.resolve("full.png"));
        run(out, "full", "run", scenario, "--view", "--speed", "50", "--json", "--out", out.resolve("full").toString());
        ViewerWindow.setTestHooks(10, out.resolve("closed.png"));
        run(out, "closed", "run", scenario, "--view", "--json", "--out", out.resolve("closed").toString());
        System.exit(0); // the camera's render service is non-daemon until its shutdown hook
    }

    private static void run(Path out, String name, String... args) throws IOException {
        try (PrintWriter stdout = new PrintWriter(Files.newBufferedWriter(out.resolve(name + ".json")), true)) {
            int code = Umwelt.execute(stdout, new PrintWriter(System.err, true), args);
            Files.writeString(out.resolve(name + ".code"), Integer.toString(code));
        }
    }
}
