package dev.umwelt.episodes.replay;

import java.io.IOException;

/**
 * An episode file that cannot be read as it stands: cut short, corrupted, not MCAP, or not an
 * Umwelt episode. The message is one line for the user: what is wrong, where, and what to do.
 */
public final class DamagedEpisodeException extends IOException {
    /** How the file is damaged: a CLI maps {@link Kind#NOT_MCAP} to "bad input" even for recovery. */
    public enum Kind { NOT_MCAP, CUT_SHORT, CORRUPTED, NOT_AN_EPISODE }

    private final Kind kind;

    public DamagedEpisodeException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
