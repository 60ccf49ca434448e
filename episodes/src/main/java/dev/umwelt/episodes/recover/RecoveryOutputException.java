package dev.umwelt.episodes.recover;

import java.io.IOException;

/**
 * The recovered file cannot be written where asked (a folder, a missing or unwritable folder, the
 * damaged file itself). Raised before anything is read; the message is one line naming the path.
 */
public final class RecoveryOutputException extends IOException {
    public RecoveryOutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
