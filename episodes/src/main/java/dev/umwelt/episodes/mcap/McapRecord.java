package dev.umwelt.episodes.mcap;

import java.util.Map;

/**
 * The MCAP record types, one Java record each. Integers are held in Java types wide enough for
 * their unsigned range except u64, which is held in a {@code long} and read as unsigned
 * ({@link Long#toUnsignedString}). Maps keep their file order ({@link java.util.LinkedHashMap}).
 * Byte arrays are shared, not copied: treat them as read-only.
 */
public sealed interface McapRecord {

    /** The record's opcode byte. */
    int opcode();

    /** The record type's name, as the specification writes it (e.g. {@code "ChunkIndex"}). */
    default String typeName() {
        return Opcode.name(opcode());
    }

    record Header(String profile, String library) implements McapRecord {
        public int opcode() { return Opcode.HEADER; }
    }

    record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) implements McapRecord {
        public int opcode() { return Opcode.FOOTER; }
    }

    record Schema(int id, String name, String encoding, byte[] data) implements McapRecord {
        public int opcode() { return Opcode.SCHEMA; }
    }

    record Channel(int id, int schemaId, String topic, String messageEncoding,
                   Map<String, String> metadata) implements McapRecord {
        public int opcode() { return Opcode.CHANNEL; }
    }

    record Message(int channelId, long sequence, long logTime, long publishTime, byte[] data)
            implements McapRecord {
        public int opcode() { return Opcode.MESSAGE; }
    }

    /** A chunk as stored: {@code records} is still compressed with {@code compression}. */
    record Chunk(long messageStartTime, long messageEndTime, long uncompressedSize, long uncompressedCrc,
                 String compression, byte[] records) implements McapRecord {
        public int opcode() { return Opcode.CHUNK; }
    }

    /** {@code entries} holds (log_time, offset) pairs flattened: [t0, o0, t1, o1, ...]. */
    record MessageIndex(int channelId, long[] entries) implements McapRecord {
        public int opcode() { return Opcode.MESSAGE_INDEX; }
    }

    record ChunkIndex(long messageStartTime, long messageEndTime, long chunkStartOffset, long chunkLength,
                      Map<Integer, Long> messageIndexOffsets, long messageIndexLength, String compression,
                      long compressedSize, long uncompressedSize) implements McapRecord {
        public int opcode() { return Opcode.CHUNK_INDEX; }
    }

    record Attachment(long logTime, long createTime, String name, String mediaType, byte[] data)
            implements McapRecord {
        public int opcode() { return Opcode.ATTACHMENT; }
    }

    record AttachmentIndex(long offset, long length, long logTime, long createTime, long dataSize,
                           String name, String mediaType) implements McapRecord {
        public int opcode() { return Opcode.ATTACHMENT_INDEX; }
    }

    record Statistics(long messageCount, int schemaCount, long channelCount, long attachmentCount,
                      long metadataCount, long chunkCount, long messageStartTime, long messageEndTime,
                      Map<Integer, Long> channelMessageCounts) implements McapRecord {
        public int opcode() { return Opcode.STATISTICS; }
    }

    record Metadata(String name, Map<String, String> metadata) implements McapRecord {
        public int opcode() { return Opcode.METADATA; }
    }

    record MetadataIndex(long offset, long length, String name) implements McapRecord {
        public int opcode() { return Opcode.METADATA_INDEX; }
    }

    record SummaryOffset(int groupOpcode, long groupStart, long groupLength) implements McapRecord {
        public int opcode() { return Opcode.SUMMARY_OFFSET; }
    }

    record DataEnd(long dataSectionCrc) implements McapRecord {
        public int opcode() { return Opcode.DATA_END; }
    }

    /** Opcodes, the magic, and names for error messages. */
    final class Opcode {
        public static final int HEADER = 0x01, FOOTER = 0x02, SCHEMA = 0x03, CHANNEL = 0x04, MESSAGE = 0x05,
                CHUNK = 0x06, MESSAGE_INDEX = 0x07, CHUNK_INDEX = 0x08, ATTACHMENT = 0x09,
                ATTACHMENT_INDEX = 0x0A, STATISTICS = 0x0B, METADATA = 0x0C, METADATA_INDEX = 0x0D,
                SUMMARY_OFFSET = 0x0E, DATA_END = 0x0F;

        /** "\x89MCAP0\r\n": the file's first and last eight bytes. */
        public static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

        private static final String[] NAMES = {"Unknown", "Header", "Footer", "Schema", "Channel", "Message",
                "Chunk", "MessageIndex", "ChunkIndex", "Attachment", "AttachmentIndex", "Statistics",
                "Metadata", "MetadataIndex", "SummaryOffset", "DataEnd"};

        public static String name(int opcode) {
            return opcode > 0 && opcode < NAMES.length ? NAMES[opcode] : String.format("opcode 0x%02X", opcode);
        }

        private Opcode() {}
    }
}
