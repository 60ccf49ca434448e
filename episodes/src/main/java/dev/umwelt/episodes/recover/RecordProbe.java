package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.mcap.McapException;
import dev.umwelt.episodes.mcap.McapLimits;
import dev.umwelt.episodes.mcap.McapRecord;
import dev.umwelt.episodes.mcap.McapRecord.Chunk;
import dev.umwelt.episodes.mcap.McapRecord.Metadata;
import dev.umwelt.episodes.mcap.McapRecord.Opcode;
import dev.umwelt.episodes.mcap.McapRecords;
import dev.umwelt.episodes.mcap.McapStreamReader;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one record at an offset of a damaged file, trusting nothing: the length prefix is checked
 * against the file and, for self-delimiting types, against the record's own length fields (a
 * chunk whose prefix was damaged but whose CRC holds is still read); a chunk is read only when it
 * decompresses to its uncompressed_size and its CRC holds. Also finds where records that can be
 * trusted start again after damage.
 */
final class RecordProbe {
    /**
     * A record that reads at {@code offset}: its fields end at {@code fieldsEnd}; {@code declaredEnd}
     * is where its length prefix says it ends (-1 past the end of the file; later than the fields:
     * padding, or a damaged prefix). {@code lengthNote} says why the fields were read over a prefix
     * that is too short or runs past the file, or is null.
     */
    record Found(long offset, McapRecord record, List<McapRecord> chunkRecords, long fieldsEnd, long declaredEnd,
                 String lengthNote) {}

    private final DamagedFile file;
    /**
     * Bytes the search for trusted records may still read as candidate chunks: a file crafted with
     * many overlapping chunk headers would otherwise cost the square of its size.
     */
    private long searchBudget, bytesRead;

    RecordProbe(DamagedFile file) {
        this.file = file;
        this.searchBudget = 16 * file.size + (64L << 20);
    }

    /** True once the search for trusted records gave up (the budget above is spent). */
    boolean searchExhausted() {
        return searchBudget < 0;
    }

    Found probe(long p) throws IOException {
        if (!file.has(p, 9)) throw new McapException(p, null, "the file ends inside a record's opcode and length");
        int op = file.u8(p);
        String type = Opcode.name(op);
        if (op < Opcode.HEADER || op > Opcode.DATA_END) {
            throw new McapException(p, null, "no record starts here (" + type + ")");
        }
        long declared = file.uint(p + 1, 8);
        boolean declaredFits = declared >= 0 && declared <= McapLimits.MAX_RECORD && file.has(p + 9, declared);
        long fields = fieldLength(op, p + 9);
        long bodyLength;
        String note = null;
        if (fields >= 0 && fields <= McapLimits.MAX_RECORD && (!declaredFits || declared < fields)) {
            bodyLength = fields;
            note = "its length prefix says " + Long.toUnsignedString(declared) + " bytes, its fields " + fields;
        } else if (declaredFits) {
            bodyLength = declared;
        } else {
            throw new McapException(p, type, "record length " + Long.toUnsignedString(declared)
                    + " runs past the end of the " + file.size + "-byte file");
        }
        byte[] body = file.bytes(p + 9, (int) bodyLength);
        long records = op == Opcode.CHUNK && bodyLength >= 24 ? McapRecords.u64(body, 16) : 0;
        bytesRead += bodyLength + (records >= 0 && records <= McapLimits.MAX_CHUNK_RECORDS ? records : 0);
        McapRecords.Decoded d = McapRecords.decode(op, body, 0, body.length, p);
        List<McapRecord> inner = d.record() instanceof Chunk c ? McapStreamReader.chunkRecords(c, p) : List.of();
        long fieldsEnd = p + 9 + d.fieldBytes();
        return new Found(p, d.record(), inner, fieldsEnd, declaredFits ? p + 9 + declared : -1, note);
    }

    /** The body length a record's own length fields give (McapRecords.layout), or -1. */
    private long fieldLength(int op, long at) throws IOException {
        String layout = McapRecords.layout(op);
        if (layout == null) return -1;
        long pos = at;
        for (int i = 0; i < layout.length(); i++) {
            char c = layout.charAt(i);
            if (Character.isDigit(c)) {
                pos += c - '0';
            } else {
                int width = c == 's' ? 4 : 8;
                if (!file.has(pos, width)) return -1;
                long n = file.uint(pos, width);
                pos += width;
                if (!file.has(pos, n)) return -1;
                pos += n;
            }
            if (pos > file.size) return -1;
        }
        return pos - at;
    }

    /** True when a record reads at {@code p}. */
    boolean readsAt(long p) throws IOException {
        try {
            probe(p);
            return true;
        } catch (McapException e) {
            return false;
        }
    }

    /**
     * The first offset in {@code [from, limit)} where a record starts that damage cannot fake: a chunk
     * whose CRC holds, an attachment whose CRC holds, the Footer before the closing magic, and
     * (weaker) DataEnd or a metadata record that exactly fills its length, each followed by a record
     * prefix. -1 if none.
     */
    long nextTrusted(long from, long limit) throws IOException {
        long end = Math.min(limit, file.size - 8);
        for (long q = Math.max(from, 0); q < end && searchBudget >= 0; q++) {
            int b = file.u8(q);
            if ((b == Opcode.CHUNK || b == Opcode.DATA_END || b == Opcode.FOOTER || b == Opcode.METADATA
                    || b == Opcode.ATTACHMENT) && trustedAt(q, b)) {
                return q;
            }
        }
        return -1;
    }

    private boolean trustedAt(long q, int op) throws IOException {
        long declared = file.uint(q + 1, 8);
        if (op == Opcode.DATA_END) return declared == 4 && recordPrefixAt(q + 13);
        if (op == Opcode.FOOTER) return declared == 20 && footerAtEnd(q);
        if (op == Opcode.CHUNK && !plausibleChunk(q)) return false;
        Found f;
        long read = bytesRead;
        try {
            f = probe(q);
        } catch (McapException e) {
            return false;
        } finally {
            searchBudget -= bytesRead - read;
        }
        if (f.record() instanceof Chunk c) return c.uncompressedCrc() != 0; // probe checked it
        if (op == Opcode.ATTACHMENT) return file.uint(f.fieldsEnd() - 4, 4) != 0; // the CRC probe checked
        return f.record() instanceof Metadata m && f.fieldsEnd() == f.declaredEnd()
                && plausibleName(m.name()) && recordPrefixAt(f.fieldsEnd());
    }

    /** A cheap first look before a chunk is decompressed: known compression, sizes within bounds. */
    private boolean plausibleChunk(long q) throws IOException {
        if (!file.has(q + 9, 32)) return false;
        long size = file.uint(q + 25, 8), nameLength = file.uint(q + 37, 4);
        if (size < 0 || size > McapLimits.MAX_CHUNK_RECORDS || nameLength > McapLimits.MAX_COMPRESSION_NAME) return false;
        if (!file.has(q + 41, nameLength + 8) || !file.has(q + 49 + nameLength, file.uint(q + 41 + nameLength, 8))) return false;
        String name = new String(file.bytes(q + 41, (int) nameLength), java.nio.charset.StandardCharsets.UTF_8);
        return name.isEmpty() || name.equals("zstd") || name.equals("lz4");
    }

    private boolean recordPrefixAt(long at) throws IOException {
        if (!file.has(at, 9)) return false;
        int op = file.u8(at);
        return op >= Opcode.HEADER && op <= Opcode.DATA_END && file.has(at + 9, file.uint(at + 1, 8));
    }

    private static boolean plausibleName(String name) {
        return !name.isEmpty() && name.length() <= 256 && name.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F);
    }

    /** True when a 20-byte Footer at {@code q} is followed by the closing magic and nothing else. */
    boolean footerAtEnd(long q) throws IOException {
        return q + 9 + 20 + 8 == file.size && Arrays.equals(file.bytes(q + 29, 8), Opcode.MAGIC);
    }
}
