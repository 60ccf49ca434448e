package dev.umwelt.agent.cli;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGINT (Ctrl-C) and SIGTERM while a command runs episodes ({@code run}, {@code demo},
 * {@code suite}): the first asks every running episode to end at its next tick (end reason
 * {@code interrupted}), so that the command finishes as usual: episode files closed and valid,
 * metrics and pictures written for what ran, then exit {@value #EXIT_INTERRUPTED}. A second
 * signal, or the command still busy {@link #GRACE_MILLIS} after the first, ends the process at
 * once with that code (the last-resort closers run first, for at most {@link #CLOSE_MILLIS}).
 * Outside such a command a signal does what the JVM does by default: exit 128 + its number.
 * <p>
 * Signals are caught only once {@link #installSignalHandlers()} ran ({@code Umwelt.main}); a
 * command line run inside another program (a test) is interrupted through {@link #request}.
 * A process started with SIGINT ignored (a background job of a shell without job control)
 * keeps ignoring it, as the JVM does.
 */
final class Interrupts {
    static final int EXIT_INTERRUPTED = 130;
    /** How long a command may take after the first signal to finish its episodes and write their files. */
    static final long GRACE_MILLIS = 30_000;
    /** How long the last-resort closers may take before the process halts anyway. */
    static final long CLOSE_MILLIS = 3_000;

    private static final Object LOCK = new Object();
    // guarded by LOCK
    private static final List<Scope> scopes = new ArrayList<>();
    private static boolean requested;
    /** Halts the process GRACE_MILLIS after the first signal unless the command finished (then it is interrupted). */
    private static Thread watchdog;

    private Interrupts() {}

    /** Catches SIGINT and SIGTERM for the rest of the process (where the platform allows it). */
    static void installSignalHandlers() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), s -> request("SIG" + s.getName(), 128 + s.getNumber()));
            } catch (IllegalArgumentException e) {
                // Not catchable here (-Xrs, another platform): the JVM's default stays.
            }
        }
    }

    /**
     * What a signal does; {@code signal} names it in the message, {@code defaultExit} is the exit
     * code when no command is interruptible right now. Callable from any thread.
     */
    static void request(String signal, int defaultExit) {
        List<Runnable> stops = new ArrayList<>();
        List<Runnable> closers = new ArrayList<>();
        boolean again;
        synchronized (LOCK) {
            if (scopes.isEmpty()) {
                // As the JVM's own handler: an orderly exit with shutdown hooks, off the signal thread.
                new Thread(() -> System.exit(defaultExit), "umwelt-exit").start();
                return;
            }
            again = requested;
            requested = true;
            for (Scope s : scopes) {
                stops.addAll(s.stops);
                closers.addAll(s.closers);
            }
        }
        PrintStream err = System.err;
        if (again) {
            err.println("umwelt: " + signal + " again: exiting now (an unfinished episode file can be rescued with `umwelt recover`)");
            err.flush();
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
        }
        err.println("umwelt: " + signal + ": ending the episode at its next tick and writing what ran ("
                + signal + " again to exit at once)");
        err.flush();
        stops.forEach(Interrupts::runQuietly);
        Thread w = new Thread(() -> lastResort(closers, err), "umwelt-interrupt-watchdog");
        w.setDaemon(true);
        synchronized (LOCK) {
            if (!requested) return; // the command finished meanwhile
            watchdog = w;
            w.start(); // under the lock, so that close() never interrupts a thread not yet started
        }
    }

    /** The command did not finish in time: close what must not be lost, then halt. */
    private static void lastResort(List<Runnable> closers, PrintStream err) {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        Thread close = new Thread(() -> closers.forEach(Interrupts::runQuietly), "umwelt-interrupt-close");
        close.setDaemon(true);
        close.start();
        try {
            close.join(CLOSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("umwelt: still busy " + GRACE_MILLIS / 1000 + " s after the interrupt: exiting");
        err.flush();
        Runtime.getRuntime().halt(EXIT_INTERRUPTED);
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("umwelt: while interrupting: " + e);
        }
    }

    /** A command that ends cleanly on a signal, from {@link #enter()} to {@link Scope#close()}. */
    static Scope enter() {
        Scope s = new Scope();
        synchronized (LOCK) {
            scopes.add(s);
        }
        return s;
    }

    static final class Scope implements AutoCloseable {
        private final List<Runnable> stops = new ArrayList<>();
        private final List<Runnable> closers = new ArrayList<>();

        private Scope() {}

        /** {@code stop} runs on the first signal (at once when one already came): it must only ask, never wait. */
        void onInterrupt(Runnable stop) {
            boolean now;
            synchronized (LOCK) {
                stops.add(stop);
                now = requested;
            }
            if (now) runQuietly(stop);
        }

        /** {@code closer} runs only when the command did not finish within the grace period (an episode file to close). */
        void lastResort(Runnable closer) {
            synchronized (LOCK) {
                closers.add(closer);
            }
        }

        /** Whether a signal came while this command ran. */
        boolean interrupted() {
            synchronized (LOCK) {
                return requested;
            }
        }

        /** The command's exit code: {@value #EXIT_INTERRUPTED} when a signal came, else {@code code}. */
        int exitCode(int code) {
            return interrupted() ? EXIT_INTERRUPTED : code;
        }

        @Override
        public void close() {
            synchronized (LOCK) {
                scopes.remove(this);
                if (scopes.isEmpty()) {
                    requested = false;
                    if (watchdog != null) watchdog.interrupt();
                    watchdog = null;
                }
            }
        }
    }
}
