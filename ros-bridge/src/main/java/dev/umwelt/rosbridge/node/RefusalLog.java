package dev.umwelt.rosbridge.node;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Logs refused input without letting the refused peer fill the log: the first refusal of a kind
 * is one WARNING at once; while refusals of that kind go on, the others are counted and summed up
 * in one line per period (with the latest of them). 200 connections refused in a second cost
 * one line, not 200. Thread-safe; the summaries run on a Vert.x timer.
 */
final class RefusalLog {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.rosbridge.node");

    private final Vertx vertx;
    private final long periodMillis;
    private final Map<String, Window> windows = new HashMap<>();
    private boolean closed;

    private static final class Window {
        long held;
        String latest;
        long timer;
    }

    RefusalLog(Vertx vertx, Duration period) {
        this.vertx = vertx;
        this.periodMillis = period.toMillis();
    }

    /** One refusal of {@code kind}; {@code line} says who was refused and why. */
    synchronized void refuse(String kind, String line) {
        Window w = windows.get(kind);
        if (w != null) {
            w.held++;
            w.latest = line;
            return;
        }
        LOG.log(System.Logger.Level.WARNING, line);
        if (closed) return;
        Window fresh = new Window();
        fresh.timer = vertx.setTimer(periodMillis, id -> periodEnded(kind));
        windows.put(kind, fresh);
    }

    private synchronized void periodEnded(String kind) {
        Window w = windows.get(kind);
        if (w == null) return;
        if (w.held == 0 || closed) {
            windows.remove(kind);
            return;
        }
        summarise(w);
        w.held = 0;
        w.timer = vertx.setTimer(periodMillis, id -> periodEnded(kind));
    }

    private void summarise(Window w) {
        LOG.log(System.Logger.Level.WARNING, w.held + " more refused like it in the last " + periodMillis / 1000.0 + " s; latest: " + w.latest);
    }

    /** Says what is still held back and stops the timers (the node shuts down). */
    synchronized void close() {
        closed = true;
        for (Window w : windows.values()) {
            vertx.cancelTimer(w.timer);
            if (w.held > 0) summarise(w);
        }
        windows.clear();
    }
}
