package dev.umwelt.scenarios.generate;

/** An attempt that cannot be completed (no room for an object, target unreachable): draw again. */
final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String why) {
        super(why, null, false, false);
    }
}
