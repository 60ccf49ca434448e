package dev.umwelt.bus.ros1;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/** Walks bytes by a parsed definition only, to check that a codec writes what its .msg declares. */
final class SchemaWalker {
    private static final Map<String, Integer> SIZES = Map.ofEntries(Map.entry("bool", 1), Map.entry("int8", 1),
            Map.entry("uint8", 1), Map.entry("byte", 1), Map.entry("char", 1), Map.entry("int16", 2), Map.entry("uint16", 2),
            Map.entry("int32", 4), Map.entry("uint32", 4), Map.entry("float32", 4), Map.entry("int64", 8),
            Map.entry("uint64", 8), Map.entry("float64", 8), Map.entry("time", 8), Map.entry("duration", 8));

    private SchemaWalker() {}

    /** The number of bytes one message of {@code type} takes at the start of {@code bytes}. */
    static int length(String type, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        walk(type, b);
        return b.position();
    }

    private static void walk(String type, ByteBuffer b) {
        for (MsgSpec.Field f : MsgDefinitions.embedded().get(type).fields()) {
            int n = f.arrayLength() == MsgSpec.Field.VARIABLE ? b.getInt() : Math.max(1, f.arrayLength());
            for (int i = 0; i < n; i++) one(f.type(), b);
        }
    }

    private static void one(String type, ByteBuffer b) {
        if (type.equals("string")) {
            int n = b.getInt();
            b.position(b.position() + n);
        }
        else if (SIZES.containsKey(type)) b.position(b.position() + SIZES.get(type));
        else walk(type, b);
    }
}
