package dev.umwelt.bus.command;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.Twist2D;

import java.util.Objects;

/**
 * What the base is told to do (geometry_msgs/Twist in base_link), valid until a deadline: a
 * base that has no valid command stops, as real bases do when cmd_vel times out.
 */
public record VelocityCommand(Header header, Twist2D twist, long validUntilNanos) implements Stamped {
    public VelocityCommand {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(twist, "twist");
        if (validUntilNanos < header.stampNanos()) {
            throw new IllegalArgumentException("command expires before it is issued: " + validUntilNanos
                    + " < " + header.stampNanos());
        }
    }

    public static VelocityCommand of(long stampNanos, Twist2D twist, long timeoutNanos) {
        return new VelocityCommand(new Header(stampNanos, Frames.BASE_LINK), twist, stampNanos + timeoutNanos);
    }

    public static VelocityCommand halt(long stampNanos, long timeoutNanos) {
        return of(stampNanos, Twist2D.ZERO, timeoutNanos);
    }

    public boolean isValidAt(long nowNanos) {
        return nowNanos <= validUntilNanos;
    }
}
