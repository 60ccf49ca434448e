package dev.umwelt.bus.ros1;

import java.util.List;
import java.util.Objects;

/**
 * One parsed ROS 1 message type: its constants and fields in declared order, the md5sum that
 * ROS 1 computes for it, and the full definition text (the {@code message_definition} of a
 * TCPROS connection header, a rosbag connection, an MCAP {@code ros1msg} schema).
 */
public record MsgSpec(String type, String text, List<Constant> constants, List<Field> fields,
                      String md5, String definition) {

    public MsgSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        constants = List.copyOf(constants);
        fields = List.copyOf(fields);
    }

    /** The package part of {@code pkg/Name}. */
    public String pkg() {
        return type.substring(0, type.indexOf('/'));
    }

    /** A constant: {@code valueText} is what the .msg says, as ROS hashes it. */
    public record Constant(String type, String name, String valueText) {}

    /**
     * A field. {@code type} is resolved: a builtin ({@code float32}, {@code time}, ...) or a full
     * {@code pkg/Name}. {@code arrayLength} is {@link #SCALAR}, {@link #VARIABLE} or a fixed size.
     * {@code declaredType} is the type as written (with its array suffix), which md5 texts of
     * builtin fields use.
     */
    public record Field(String type, int arrayLength, String name, String declaredType) {
        public static final int SCALAR = -1;
        public static final int VARIABLE = -2;

        public boolean isArray() {
            return arrayLength != SCALAR;
        }

        public boolean isBuiltin() {
            return MsgParser.isBuiltin(type);
        }
    }
}
