package dev.umwelt.agent.cli;

import io.vertx.core.Handler;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The process never hangs on a crash: a throwable no code catches on any thread, or an
 * {@link Error} on a Vert.x event loop or worker of a command that has no episode to fail with
 * it (ROS modes, replay), prints one line ({@code umwelt: crashed: ...}) and exits 1. Exits are
 * bounded: a shutdown hook that hangs is cut off after {@link #EXIT_GRACE_MILLIS}.
 * Episodes handle their own loops' errors first ({@code EpisodeRunner}): the episode fails, its
 * file is closed and the command exits 1 the usual way.
 */
final class ProcessGuard {
    static final long EXIT_GRACE_MILLIS = 5_000;
    private static final AtomicBoolean crashed = new AtomicBoolean();

    private ProcessGuard() {}

    /** For every thread of the process (Umwelt.main). */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> crash(e, thread.getName()));
    }

    /** A Vert.x instance's exception handler: Errors end the process; anything else is one line and goes on. */
    static Handler<Throwable> onLoops() {
        return t -> {
            if (t instanceof Error) crash(t, Thread.currentThread().getName());
            else {
                System.err.println("umwelt: unhandled on " + Thread.currentThread().getName() + ": " + t);
                System.err.flush();
            }
        };
    }

    /** One line, then exit 1 (once: a second crash while exiting changes nothing). */
    static void crash(Throwable e, String thread) {
        if (!crashed.compareAndSet(false, true)) return;
        PrintStream err = System.err;
        err.println(Umwelt.crashLine(e, thread));
        if (System.getenv("UMWELT_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        exit(Umwelt.EXIT_CRASH);
    }

    /** System.exit off the calling thread (which may be an event loop a shutdown hook waits for), halted if it hangs. */
    static void exit(int code) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(code);
        }, "umwelt-exit-deadline");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(code), "umwelt-exit").start();
    }
}
