package dev.umwelt.rosbridge.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the node's log records (System.Logger maps to java.util.logging here) so tests can count lines. */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("dev.umwelt.rosbridge.node");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        LOGGER.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    /** Warnings whose message contains {@code text}. */
    public List<String> warnings(String text) {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogRecord::getMessage).filter(m -> m.contains(text)).toList();
    }

    public List<String> warnings() {
        return warnings("");
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
