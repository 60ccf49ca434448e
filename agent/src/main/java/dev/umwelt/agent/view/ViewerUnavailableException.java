package dev.umwelt.agent.view;

/** The viewer window could not be opened (no display, no GL): one line naming what is missing. */
public final class ViewerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ViewerUnavailableException(String message) {
        super(message);
    }
}
