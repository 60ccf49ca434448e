package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads an MCAP file front to back as a sequence of records. A Chunk is not returned itself: it is
 * decompressed and the records inside it are returned in its place. Everything else is returned in
 * file order (MessageIndex included; summary records included). Unknown opcodes are skipped, and
 * bytes after a record's known fields (padding) are skipped using the record length.
 *
 * <p>CRCs are checked when non-zero: the DataEnd data-section CRC, chunk CRCs, attachment CRCs and the
 * Footer summary CRC. Any malformed input raises {@link McapException} naming the byte offset;
 * memory use grows only with bytes actually read, so a bogus length cannot exhaust the heap.
 */
public final class McapStreamReader implements AutoCloseable {
    private final InputStream in;
    private final long knownSize;
    private final byte[] prefix = new byte[9];
    private byte[] body = new byte[1 << 16];
    private long position;

    private final CRC32 dataCrc = new CRC32();
    private final CRC32 summaryCrc = new CRC32();
    private boolean dataEndSeen;
    private long summaryCrcStart = -1;

    private byte[] chunkRecords;
    private int chunkFrom, chunkPos, chunkEnd;
    private long chunkOffset;
    private boolean started, finished;
    private boolean rawChunks, requireCrcs;
    private long lastRecordOffset = -1;
    private long peakBufferBytes = 1 << 16;

    /** Reads from a stream of unknown length. */
    public McapStreamReader(InputStream in) {
        this(in, -1);
    }

    /** Reads from a stream of {@code knownSize} bytes: a length that runs past it fails at once. */
    public McapStreamReader(InputStream in, long knownSize) {
        this.in = in;
        this.knownSize = knownSize;
    }

    public static McapStreamReader open(Path path) throws IOException {
        return new McapStreamReader(new BufferedInputStream(Files.newInputStream(path), 1 << 16), Files.size(path));
    }

    /**
     * Return Chunk records as stored instead of expanding them (recovery: a chunk whose CRC or
     * decompression fails is skipped whole, and reading goes on at the next record). Expand one
     * with {@link #chunkRecords(Chunk, long)}.
     */
    public McapStreamReader rawChunks() {
        rawChunks = true;
        return this;
    }

    /**
     * Every CRC must be present, not only match: a zero data-section, summary or chunk CRC (which
     * the specification reads as "not computed") is refused, a Footer must follow a DataEnd and
     * point at the summary this stream read. For files whose writer always computes CRCs (every
     * episode): then no change to any byte goes unnoticed.
     */
    public McapStreamReader requireCrcs() {
        requireCrcs = true;
        return this;
    }

    /**
     * The most bytes this reader has held in its own buffers at once (the record body buffer and
     * one chunk's decompressed records): at most the largest record, which is never longer than the
     * file, plus {@link McapLimits#MAX_CHUNK_RECORDS}. What the caller keeps of the returned records
     * is the caller's.
     */
    public long peakBufferBytes() {
        return peakBufferBytes;
    }

    /** The byte offset of the top-level record most recently read (-1 before the first). */
    public long lastRecordOffset() {
        return lastRecordOffset;
    }

    /** Bytes consumed so far: after an exception, where the readable prefix of the file ends. */
    public long position() {
        return position;
    }

    /**
     * The records inside a chunk (found at {@code chunkOffset}), decompressed, size- and CRC-checked.
     * All or nothing: a chunk with any problem raises {@link McapException} and yields no records.
     */
    public static java.util.List<McapRecord> chunkRecords(Chunk chunk, long chunkOffset) throws McapException {
        McapStreamReader r = new McapStreamReader(InputStream.nullInputStream());
        r.openChunk(chunk.compression(), chunk.uncompressedSize(), chunk.uncompressedCrc(), chunk.records(), 0,
                chunk.records().length, chunkOffset);
        java.util.List<McapRecord> out = new java.util.ArrayList<>();
        while (r.chunkPos < r.chunkEnd) {
            McapRecord rec = r.nextInChunk();
            if (rec != null) out.add(rec);
        }
        return out;
    }

    /** The next record, or null after the Footer and closing magic. */
    public McapRecord next() throws IOException {
        if (!started) {
            readMagic("leading");
            dataCrc.update(Opcode.MAGIC);
            started = true;
        }
        while (true) {
            if (chunkRecords != null) {
                if (chunkPos < chunkEnd) {
                    McapRecord r = nextInChunk();
                    if (r != null) return r;
                    continue;
                }
                chunkRecords = null;
            }
            if (finished) return null;
            McapRecord r = readTopLevel();
            if (r != null) return r;
        }
    }

    private McapRecord readTopLevel() throws IOException {
        long recordOffset = position;
        lastRecordOffset = recordOffset;
        int got = readUpTo(prefix, 0, 9);
        if (got < 9) {
            throw new McapException(recordOffset, null, got == 0
                    ? "file ends before the Footer (truncated)" : "file ends inside a record's opcode and length");
        }
        int opcode = prefix[0] & 0xFF;
        String type = Opcode.name(opcode);
        long length = RecordDecoder.readU64(prefix, 1);
        if (length < 0 || length > McapLimits.MAX_RECORD) {
            throw new McapException(recordOffset, type, "record length " + Long.toUnsignedString(length)
                    + " is larger than this reader supports (2 GiB)");
        }
        if (knownSize >= 0 && position + length > knownSize) {
            throw new McapException(recordOffset, type, "record length " + length + " runs past the end of the "
                    + knownSize + "-byte file");
        }
        int n = (int) length;
        readBody(n, recordOffset, type);

        if (opcode == Opcode.FOOTER) return finishWithFooter(recordOffset, n);
        if (opcode == Opcode.DATA_END) {
            DataEnd end = (DataEnd) RecordDecoder.decode(opcode, body, 0, n, recordOffset);
            if (requireCrcs && end.dataSectionCrc() == 0) {
                throw new McapException(recordOffset, type, "no data section CRC (zero), though every CRC is required here");
            }
            if (dataEndSeen) throw new McapException(recordOffset, type, "a second DataEnd");
            if (end.dataSectionCrc() != 0 && end.dataSectionCrc() != dataCrc.getValue()) {
                throw new McapException(recordOffset, type, "data section CRC mismatch: stored "
                        + end.dataSectionCrc() + ", computed " + dataCrc.getValue());
            }
            dataEndSeen = true;
            summaryCrcStart = position;
            return end;
        }
        if (!dataEndSeen) {
            dataCrc.update(prefix, 0, 9);
            dataCrc.update(body, 0, n);
        } else {
            summaryCrc.update(prefix, 0, 9);
            summaryCrc.update(body, 0, n);
        }
        if (opcode == Opcode.CHUNK && rawChunks) return RecordDecoder.decode(opcode, body, 0, n, recordOffset);
        if (opcode == Opcode.CHUNK) {
            // Decompressed straight from the body buffer: the chunk's stored bytes are not copied.
            RecordDecoder.ChunkHeader h = RecordDecoder.chunkHeader(body, 0, n, recordOffset);
            openChunk(h.compression(), h.uncompressedSize(), h.uncompressedCrc(), body, h.recordsOffset(),
                    h.recordsLength(), recordOffset);
            return null;
        }
        return RecordDecoder.decode(opcode, body, 0, n, recordOffset);
    }

    private Footer finishWithFooter(long recordOffset, int n) throws IOException {
        Footer footer = (Footer) RecordDecoder.decode(Opcode.FOOTER, body, 0, n, recordOffset);
        if (requireCrcs) requireSummaryChecks(footer, recordOffset);
        if (footer.summaryCrc() != 0) {
            CRC32 crc;
            if (footer.summaryStart() == 0) {
                crc = new CRC32();
            } else if (footer.summaryStart() == summaryCrcStart) {
                crc = summaryCrc;
            } else {
                crc = null; // summary not where this stream saw DataEnd end: cannot check in one pass
            }
            if (crc != null) {
                crc.update(prefix, 0, 9);
                crc.update(body, 0, 16);
                if (crc.getValue() != footer.summaryCrc()) {
                    throw new McapException(recordOffset, "Footer", "summary CRC mismatch: stored "
                            + footer.summaryCrc() + ", computed " + crc.getValue());
                }
            }
        }
        readMagic("closing");
        if (in.read() != -1) {
            throw new McapException(position - 1, null, "bytes after the closing magic");
        }
        finished = true;
        return footer;
    }

    private void requireSummaryChecks(Footer footer, long footerOffset) throws McapException {
        String problem = null;
        if (!dataEndSeen) problem = "no DataEnd before the Footer";
        else if (footer.summaryCrc() == 0) problem = "no summary CRC (zero), though every CRC is required here";
        else if (footer.summaryStart() == 0 ? summaryCrcStart != footerOffset : footer.summaryStart() != summaryCrcStart) {
            problem = "summary_start " + Long.toUnsignedString(footer.summaryStart()) + " is not where the summary starts ("
                    + summaryCrcStart + ")";
        }
        if (problem != null) throw new McapException(footerOffset, "Footer", problem);
    }

    /** Opens the chunk whose stored records are {@code src[off, off+len)}: decompressed, size- and CRC-checked. */
    private void openChunk(String compression, long uncompressedSize, long uncompressedCrc, byte[] src, int off, int len,
                           long recordOffset) throws McapException {
        if (requireCrcs && uncompressedCrc == 0) {
            throw new McapException(recordOffset, "Chunk", "no chunk CRC (zero), though every CRC is required here");
        }
        byte[] records;
        int from, to;
        if (compression.isEmpty()) {
            if (len != uncompressedSize) {
                throw new McapException(recordOffset, "Chunk", "uncompressed_size is " + Long.toUnsignedString(uncompressedSize)
                        + " but the records are " + len + " bytes");
            }
            records = src;
            from = off;
            to = off + len;
        } else {
            records = ChunkCompression.decompress(compression, src, off, len, uncompressedSize, recordOffset);
            from = 0;
            to = records.length;
            peakBufferBytes = Math.max(peakBufferBytes, (long) body.length + records.length);
        }
        if (uncompressedCrc != 0) {
            CRC32 crc = new CRC32();
            crc.update(records, from, to - from);
            if (crc.getValue() != uncompressedCrc) {
                throw new McapException(recordOffset, "Chunk", "chunk CRC mismatch: stored "
                        + uncompressedCrc + ", computed " + crc.getValue());
            }
        }
        chunkRecords = records;
        chunkFrom = from;
        chunkPos = from;
        chunkEnd = to;
        chunkOffset = recordOffset;
    }

    private McapRecord nextInChunk() throws McapException {
        byte[] r = chunkRecords;
        int at = chunkPos;
        if (chunkEnd - at < 9) {
            throw new McapException(chunkOffset, "Chunk", "records end inside a record prefix at +" + (at - chunkFrom));
        }
        int opcode = r[at] & 0xFF;
        long length = RecordDecoder.readU64(r, at + 1);
        if (length < 0 || length > chunkEnd - at - 9) {
            throw new McapException(chunkOffset, "Chunk", Opcode.name(opcode) + " at +" + (at - chunkFrom)
                    + " of the chunk's records has length " + Long.toUnsignedString(length)
                    + ", past the end of the records");
        }
        chunkPos = at + 9 + (int) length;
        try {
            return RecordDecoder.decode(opcode, r, at + 9, (int) length, chunkOffset);
        } catch (McapException e) {
            throw new McapException(chunkOffset, "Chunk", "record at +" + (at - chunkFrom) + " of its records: "
                    + e.getMessage(), e);
        }
    }

    private void readMagic(String which) throws IOException {
        byte[] magic = new byte[8];
        long at = position;
        int got = readUpTo(magic, 0, 8);
        if (got < 8 || !Arrays.equals(magic, Opcode.MAGIC)) {
            throw new McapException(at, null, got < 8 ? "file ends inside the " + which + " magic"
                    : "wrong " + which + " magic (not an MCAP file?)");
        }
    }

    /** Reads {@code n} body bytes, growing the buffer only as bytes actually arrive. */
    private void readBody(int n, long recordOffset, String type) throws IOException {
        int filled = 0;
        while (filled < n) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(n, Math.max(2L * body.length, 1 << 16)));
                peakBufferBytes = Math.max(peakBufferBytes, body.length);
            }
            int want = Math.min(body.length, n) - filled;
            int r = in.read(body, filled, want);
            if (r < 0) {
                throw new McapException(recordOffset, type, "record length " + n + " but the file ends after "
                        + filled + " body bytes (truncated)");
            }
            filled += r;
            position += r;
        }
    }

    private int readUpTo(byte[] dst, int off, int len) throws IOException {
        int got = in.readNBytes(dst, off, len);
        position += got;
        return got;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
