package dev.umwelt.bus.ros1;

/** Bytes that are not a valid message of the type being decoded; says which type and where. */
public final class Ros1DecodeException extends IllegalArgumentException {
    private final String type;
    private final int offset;

    public Ros1DecodeException(String type, int offset, String problem) {
        this(type, offset, problem, null);
    }

    public Ros1DecodeException(String type, int offset, String problem, Throwable cause) {
        super(type + " at byte " + offset + ": " + problem, cause);
        this.type = type;
        this.offset = offset;
    }

    public String type() {
        return type;
    }

    public int offset() {
        return offset;
    }
}
