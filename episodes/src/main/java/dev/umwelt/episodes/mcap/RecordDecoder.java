package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one record body with every read bounds-checked against the record's length, so a corrupt
 * length prefix inside a record becomes an {@link McapException} naming the record and its offset.
 * Bytes after the last known field (padding, fields from a newer spec) are ignored.
 */
final class RecordDecoder {
    private final byte[] buf;
    private final int end;
    private final long recordOffset;
    private final int opcode;
    private int pos;

    private RecordDecoder(byte[] buf, int off, int len, long recordOffset, int opcode) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.recordOffset = recordOffset;
        this.opcode = opcode;
    }

    /**
     * Decodes the body {@code buf[off, off+len)} of a record with {@code opcode} that starts (opcode byte)
     * at {@code recordOffset}. Returns null for opcodes this version does not know (they are skipped).
     */
    static McapRecord decode(int opcode, byte[] buf, int off, int len, long recordOffset) throws McapException {
        return new RecordDecoder(buf, off, len, recordOffset, opcode).record();
    }

    /**
     * Like {@link #decode}, and how many of the {@code len} bytes the record's fields used (the rest
     * is padding, or damage): recovery's check on a length prefix.
     */
    static McapRecords.Decoded decodeCounted(int opcode, byte[] buf, int off, int len, long recordOffset)
            throws McapException {
        RecordDecoder d = new RecordDecoder(buf, off, len, recordOffset, opcode);
        McapRecord r = d.record();
        return new McapRecords.Decoded(r, d.pos - off);
    }

    /** A Chunk's fields without copying its records: they stay in {@code buf} at {@code recordsOffset}. */
    record ChunkHeader(long messageStartTime, long messageEndTime, long uncompressedSize, long uncompressedCrc,
                       String compression, int recordsOffset, int recordsLength) {}

    static ChunkHeader chunkHeader(byte[] buf, int off, int len, long recordOffset) throws McapException {
        RecordDecoder d = new RecordDecoder(buf, off, len, recordOffset, Opcode.CHUNK);
        long start = d.u64(), end = d.u64(), size = d.u64(), crc = d.u32();
        String compression = d.string();
        long n = d.u64();
        d.need(n);
        return new ChunkHeader(start, end, size, crc, compression, d.pos, (int) n);
    }

    private McapRecord record() throws McapException {
        RecordDecoder d = this;
        switch (opcode) {
            case Opcode.HEADER: return new Header(d.string(), d.string());
            case Opcode.FOOTER: return new Footer(d.u64(), d.u64(), d.u32());
            case Opcode.SCHEMA: return new Schema(d.u16(), d.string(), d.string(), d.bytes(d.u32()));
            case Opcode.CHANNEL: return new Channel(d.u16(), d.u16(), d.string(), d.string(), d.stringMap());
            case Opcode.MESSAGE:
                return new Message(d.u16(), d.u32(), d.u64(), d.u64(), d.bytes(d.end - d.pos));
            case Opcode.CHUNK:
                return new Chunk(d.u64(), d.u64(), d.u64(), d.u32(), d.string(), d.bytes(d.u64()));
            case Opcode.MESSAGE_INDEX: {
                int channelId = d.u16();
                long n = d.u32();
                if (n % 16 != 0) throw d.error("message index array length " + n + " is not a multiple of 16");
                d.need(n);
                long[] entries = new long[(int) (n / 8)];
                for (int i = 0; i < entries.length; i++) entries[i] = d.u64();
                return new MessageIndex(channelId, entries);
            }
            case Opcode.CHUNK_INDEX:
                return new ChunkIndex(d.u64(), d.u64(), d.u64(), d.u64(), d.u16u64Map(), d.u64(), d.string(),
                        d.u64(), d.u64());
            case Opcode.ATTACHMENT: {
                int start = d.pos;
                Attachment a = new Attachment(d.u64(), d.u64(), d.string(), d.string(), d.bytes(d.u64()));
                int crcEnd = d.pos;
                long crc = d.u32();
                if (crc != 0) {
                    java.util.zip.CRC32 c = new java.util.zip.CRC32();
                    c.update(buf, start, crcEnd - start);
                    if (c.getValue() != crc) {
                        throw d.error("attachment CRC mismatch: stored " + crc + ", computed " + c.getValue());
                    }
                }
                return a;
            }
            case Opcode.ATTACHMENT_INDEX:
                return new AttachmentIndex(d.u64(), d.u64(), d.u64(), d.u64(), d.u64(), d.string(), d.string());
            case Opcode.STATISTICS:
                return new Statistics(d.u64(), d.u16(), d.u32(), d.u32(), d.u32(), d.u32(), d.u64(), d.u64(),
                        d.u16u64Map());
            case Opcode.METADATA: return new Metadata(d.string(), d.stringMap());
            case Opcode.METADATA_INDEX: return new MetadataIndex(d.u64(), d.u64(), d.string());
            case Opcode.SUMMARY_OFFSET: return new SummaryOffset(d.u8(), d.u64(), d.u64());
            case Opcode.DATA_END: return new DataEnd(d.u32());
            default: return null;
        }
    }

    McapException error(String problem) {
        return new McapException(recordOffset, Opcode.name(opcode), problem);
    }

    private void need(long n) throws McapException {
        if (n < 0 || n > end - pos) {
            throw error("field needs " + Long.toUnsignedString(n) + " bytes but only " + (end - pos)
                    + " remain in the record");
        }
    }

    private int u8() throws McapException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    private int u16() throws McapException {
        need(2);
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    private long u32() throws McapException {
        need(4);
        long v = readU32(buf, pos);
        pos += 4;
        return v;
    }

    private long u64() throws McapException {
        need(8);
        long v = readU64(buf, pos);
        pos += 8;
        return v;
    }

    private byte[] bytes(long n) throws McapException {
        need(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) n);
        pos += (int) n;
        return out;
    }

    private String string() throws McapException {
        long n = u32();
        need(n);
        String s = new String(buf, pos, (int) n, StandardCharsets.UTF_8);
        pos += (int) n;
        return s;
    }

    private Map<String, String> stringMap() throws McapException {
        long n = u32();
        need(n);
        int mapEnd = pos + (int) n;
        Map<String, String> map = new LinkedHashMap<>();
        while (pos < mapEnd) {
            map.put(string(), string());
        }
        if (pos != mapEnd) throw error("map entries overrun the map's byte length");
        return map;
    }

    private Map<Integer, Long> u16u64Map() throws McapException {
        long n = u32();
        if (n % 10 != 0) throw error("map byte length " + n + " is not a multiple of 10");
        need(n);
        Map<Integer, Long> map = new LinkedHashMap<>();
        for (long i = 0; i < n / 10; i++) {
            map.put(u16(), u64());
        }
        return map;
    }

    static long readU32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static long readU64(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[at + i] & 0xFFL);
        return v;
    }
}
