package dev.umwelt.episodes.mcap;

/**
 * Record-level access for code that reads a damaged file at offsets of its own choosing (recovery):
 * decoding one record body, and where a record's own length fields say it ends, independent of its
 * length prefix.
 */
public final class McapRecords {
    /** A decoded record (null for an unknown opcode) and how many body bytes its fields used. */
    public record Decoded(McapRecord record, int fieldBytes) {}

    private McapRecords() {}

    /** Decodes the body {@code buf[off, off+len)} of a record with {@code opcode} that starts at {@code offset}. */
    public static Decoded decode(int opcode, byte[] buf, int off, int len, long offset) throws McapException {
        return RecordDecoder.decodeCounted(opcode, buf, off, len, offset);
    }

    /** Reads a little-endian u64 (a record's length prefix, a u64 field). */
    public static long u64(byte[] b, int at) {
        return RecordDecoder.readU64(b, at);
    }

    /** Reads a little-endian u32. */
    public static long u32(byte[] b, int at) {
        return RecordDecoder.readU32(b, at);
    }

    /**
     * The fields of a record type whose body is self-delimiting, in order: a digit is a fixed field of
     * that many bytes, {@code s} a u32-length-prefixed field (string, map, bytes), {@code l} a
     * u64-length-prefixed one. Null for types whose last field runs to the record's end (Message)
     * or whose layout recovery does not need.
     */
    public static String layout(int opcode) {
        return switch (opcode) {
            case McapRecord.Opcode.HEADER, McapRecord.Opcode.METADATA -> "ss";
            case McapRecord.Opcode.SCHEMA -> "2sss";
            case McapRecord.Opcode.CHANNEL -> "22sss";
            case McapRecord.Opcode.CHUNK -> "8884sl";
            case McapRecord.Opcode.ATTACHMENT -> "88ssl4";
            case McapRecord.Opcode.MESSAGE_INDEX -> "2s";
            case McapRecord.Opcode.DATA_END -> "4";
            default -> null;
        };
    }
}
