package dev.umwelt.agent.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress bars on stderr, only where a person is watching: never in CI logs or pipes. */
final class ConsoleProgress {
    private ConsoleProgress() {}

    /** A bar, or null when there is no interactive console. */
    static ProgressBar start(String task, long max, String unit, long unitSize) {
        if (System.console() == null) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, unitSize)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(150)
                .clearDisplayOnFinish().build();
    }
}
