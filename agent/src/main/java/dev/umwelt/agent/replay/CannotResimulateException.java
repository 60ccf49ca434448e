package dev.umwelt.agent.replay;

/** The episode file lacks what re-simulation needs (scenario text, robot text, seed): one line, exit 2. */
public final class CannotResimulateException extends Exception {
    public CannotResimulateException(String message, Throwable cause) {
        super(message, cause);
    }
}
