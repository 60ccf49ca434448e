package dev.umwelt.bus;

/** Every message on the bus carries a {@link Header}. */
public interface Stamped {
    Header header();

    default long stampNanos() {
        return header().stampNanos();
    }
}
