package dev.umwelt.bus;

import java.util.Objects;

/**
 * When and where a message was true: a stamp in nanoseconds (sim or wall time, see
 * {@link dev.umwelt.bus.time.Clock}) and the REP-105 frame its data is expressed in.
 */
public record Header(long stampNanos, String frameId) {
    public Header {
        Objects.requireNonNull(frameId, "frameId");
        if (frameId.isBlank()) throw new IllegalArgumentException("frameId must not be blank");
    }

    public Header withStamp(long stamp) {
        return new Header(stamp, frameId);
    }
}
