package dev.umwelt.agent.cli;

import dev.umwelt.policy.vla.BadModelException;
import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.sim.render.RenderUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The {@code ./umwelt} command line. Exit codes: 0 done, 1 crash, 2 bad input. */
@Command(name = "umwelt", mixinStandardHelpOptions = true, version = "Umwelt 0.1.0",
        description = "An embodied robot agent runtime: run navigation scenarios, headless and faster than real time.",
        subcommands = {RunCommand.class, SuiteCommand.class, GenerateCommand.class, DemoCommand.class, BenchCommand.class,
                ReplayCommand.class, RecoverCommand.class, ExportCommand.class, RosCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "  train   ./umwelt train --data DIR --out MODEL_DIR [--config FILE]: train a",
                "          VLA model from exported episodes (PyTorch; ./umwelt train --help)"})
public final class Umwelt implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CRASH = 1;
    public static final int EXIT_BAD_INPUT = 2;
    /** SIGINT or SIGTERM ended the command's episodes early (see {@link Interrupts}). */
    public static final int EXIT_INTERRUPTED = Interrupts.EXIT_INTERRUPTED;

    /** Help text wraps at this many columns, at word boundaries (picocli's own wrapping). */
    static final int HELP_WIDTH = 100;

    @Override
    public void run() {
        new CommandLine(this).setUsageHelpWidth(HELP_WIDTH).usage(System.out);
    }

    /** Where the repository is (the launcher passes it); catalog paths resolve against it. */
    static Path home() {
        return Path.of(System.getProperty("umwelt.home", ".")).toAbsolutePath().normalize();
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (tests read exactly what a user would see). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Umwelt());
        cli.setUsageHelpWidth(HELP_WIDTH); // the whole hierarchy, subcommands included
        cli.setOut(out);
        cli.setErr(err);
        FlagErrors.registerConverters(cli);
        cli.setParameterExceptionHandler(FlagErrors::handle);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException || e instanceof BadInputException || e instanceof BadModelException) {
                cmd.getErr().println(e.getMessage());
                return EXIT_BAD_INPUT;
            }
            Throwable gl = e;
            while (gl != null && !(gl instanceof RenderUnavailableException)) gl = gl.getCause();
            if (gl != null) {
                cmd.getErr().println("umwelt: " + gl.getMessage());
                return EXIT_CRASH;
            }
            return crashed(cmd.getErr(), e);
        });
        try {
            return cli.execute(args);
        } catch (Throwable e) {
            // picocli hands only Exceptions to the handler above; an Error (OutOfMemoryError, ...) comes here.
            return crashed(err, e);
        }
    }

    private static int crashed(PrintWriter err, Throwable e) {
        err.println(crashLine(e, null));
        if (System.getenv("UMWELT_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return EXIT_CRASH;
    }

    /** The one line a crash prints; {@code thread}: where it happened when not on the command's own thread (else null). */
    static String crashLine(Throwable e, String thread) {
        return "umwelt: crashed" + (thread == null ? "" : " on thread " + thread) + ": " + e
                + (System.getenv("UMWELT_DEBUG") != null ? "" : " (set UMWELT_DEBUG=1 for the stack trace)");
    }

    public static void main(String[] args) {
        ProcessGuard.install();
        Interrupts.installSignalHandlers();
        ProcessGuard.exit(execute(args));
    }
}
