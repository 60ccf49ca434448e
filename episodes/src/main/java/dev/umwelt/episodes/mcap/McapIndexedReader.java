package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Opens an MCAP file through its Footer and summary section and reads messages via the chunk
 * indexes, in log-time order (equal log times keep file order). Needs ChunkIndex records in the
 * summary; schemas and channels come from the summary's repeated records.
 */
public final class McapIndexedReader implements AutoCloseable {
    private static final int FOOTER_RECORD = 9 + 20;
    private final FileChannel file;
    private final long size;
    private final Footer footer;
    private final TreeMap<Integer, Schema> schemas = new TreeMap<>();
    private final TreeMap<Integer, Channel> channels = new TreeMap<>();
    private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
    private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
    private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
    private Statistics statistics;

    private McapIndexedReader(FileChannel file) throws IOException {
        this.file = file;
        this.size = file.size();
        if (size < 8 + FOOTER_RECORD + 8) throw new McapException(0, null, "file of " + size + " bytes is too small for MCAP");
        if (!Arrays.equals(read(0, 8, null), Opcode.MAGIC)) throw new McapException(0, null, "wrong leading magic");
        if (!Arrays.equals(read(size - 8, 8, null), Opcode.MAGIC)) {
            throw new McapException(size - 8, null, "wrong closing magic (truncated or not MCAP)");
        }
        long footerOffset = size - 8 - FOOTER_RECORD;
        byte[] footerBytes = read(footerOffset, FOOTER_RECORD, "Footer");
        if (footerBytes[0] != Opcode.FOOTER || RecordDecoder.readU64(footerBytes, 1) != 20) {
            throw new McapException(footerOffset, "Footer", "no Footer record before the closing magic");
        }
        footer = (Footer) RecordDecoder.decode(Opcode.FOOTER, footerBytes, 9, 20, footerOffset);
        long start = footer.summaryStart();
        if (start == 0) throw new McapException(footerOffset, "Footer", "the file has no summary section to index it");
        if (start < 8 || start > footerOffset) {
            throw new McapException(footerOffset, "Footer", "summary_start " + Long.toUnsignedString(start) + " is outside the file");
        }
        if (footerOffset - start > Integer.MAX_VALUE - 16) throw new McapException(start, null, "summary larger than 2 GiB");
        byte[] summary = read(start, (int) (footerOffset - start), null);
        if (footer.summaryCrc() != 0) {
            CRC32 crc = new CRC32();
            crc.update(summary);
            crc.update(footerBytes, 0, 9 + 16);
            if (crc.getValue() != footer.summaryCrc()) {
                throw new McapException(footerOffset, "Footer", "summary CRC mismatch: stored " + footer.summaryCrc()
                        + ", computed " + crc.getValue());
            }
        }
        readSummary(summary, start);
    }

    public static McapIndexedReader open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new McapIndexedReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void readSummary(byte[] summary, long base) throws McapException {
        int at = 0;
        while (at < summary.length) {
            if (summary.length - at < 9) throw new McapException(base + at, null, "summary ends inside a record prefix");
            int opcode = summary[at] & 0xFF;
            long length = RecordDecoder.readU64(summary, at + 1);
            if (length < 0 || length > summary.length - at - 9) {
                throw new McapException(base + at, Opcode.name(opcode), "length " + Long.toUnsignedString(length)
                        + " runs past the summary section");
            }
            McapRecord r = RecordDecoder.decode(opcode, summary, at + 9, (int) length, base + at);
            if (r instanceof Schema s) schemas.putIfAbsent(s.id(), s);
            else if (r instanceof Channel c) channels.putIfAbsent(c.id(), c);
            else if (r instanceof Statistics s) statistics = s;
            else if (r instanceof ChunkIndex ci) chunkIndexes.add(ci);
            else if (r instanceof AttachmentIndex ai) attachmentIndexes.add(ai);
            else if (r instanceof MetadataIndex mi) metadataIndexes.add(mi);
            at += 9 + (int) length;
        }
    }

    public Footer footer() { return footer; }
    /** Schemas by ascending id (the first record for each id). */
    public List<Schema> schemas() { return List.copyOf(schemas.values()); }
    /** Channels by ascending id (the first record for each id). */
    public List<Channel> channels() { return List.copyOf(channels.values()); }
    public Optional<Statistics> statistics() { return Optional.ofNullable(statistics); }
    public List<ChunkIndex> chunkIndexes() { return List.copyOf(chunkIndexes); }
    public List<AttachmentIndex> attachmentIndexes() { return List.copyOf(attachmentIndexes); }
    public List<MetadataIndex> metadataIndexes() { return List.copyOf(metadataIndexes); }

    /** Every message, in log-time order. */
    public List<Message> readMessages() throws IOException {
        return readMessages(0, -1L, null);
    }

    /**
     * Messages with {@code startTime <= log_time <= endTime} (unsigned) on the given topics (null: all),
     * in log-time order; equal log times keep file order. Chunks are loaded only as the merge needs them.
     */
    public List<Message> readMessages(long startTime, long endTime, Set<String> topics) throws IOException {
        boolean[] wanted = new boolean[1 << 16];
        for (Channel c : channels.values()) wanted[c.id()] = topics == null || topics.contains(c.topic());
        if (topics == null) Arrays.fill(wanted, true);
        List<ChunkIndex> chunks = new ArrayList<>();
        for (ChunkIndex ci : chunkIndexes) {
            if (Long.compareUnsigned(ci.messageEndTime(), startTime) >= 0
                    && Long.compareUnsigned(ci.messageStartTime(), endTime) <= 0) chunks.add(ci);
        }
        chunks.sort(Comparator.comparing(ChunkIndex::messageStartTime, Long::compareUnsigned)
                .thenComparingLong(ChunkIndex::chunkStartOffset));

        PriorityQueue<Pending> heap = new PriorityQueue<>();
        List<Message> out = new ArrayList<>();
        int next = 0;
        while (next < chunks.size() || !heap.isEmpty()) {
            while (next < chunks.size() && (heap.isEmpty()
                    || Long.compareUnsigned(chunks.get(next).messageStartTime(), heap.peek().message.logTime()) <= 0)) {
                loadChunk(chunks.get(next++), startTime, endTime, wanted, heap);
            }
            Pending p = heap.poll();
            if (p != null) out.add(p.message);
        }
        return out;
    }

    private record Pending(Message message, long chunkOffset, int index) implements Comparable<Pending> {
        public int compareTo(Pending o) {
            int c = Long.compareUnsigned(message.logTime(), o.message.logTime());
            if (c != 0) return c;
            c = Long.compare(chunkOffset, o.chunkOffset);
            return c != 0 ? c : Integer.compare(index, o.index);
        }
    }

    private void loadChunk(ChunkIndex ci, long startTime, long endTime, boolean[] wanted, PriorityQueue<Pending> heap)
            throws IOException {
        long offset = ci.chunkStartOffset();
        if (ci.chunkLength() < 9 || ci.chunkLength() > Integer.MAX_VALUE - 16) {
            throw new McapException(offset, "Chunk", "chunk index gives an impossible chunk length " + ci.chunkLength());
        }
        byte[] bytes = read(offset, (int) ci.chunkLength(), "Chunk");
        if (bytes[0] != Opcode.CHUNK) throw new McapException(offset, "Chunk", "chunk index points at a non-Chunk record");
        long length = RecordDecoder.readU64(bytes, 1);
        if (length != bytes.length - 9) throw new McapException(offset, "Chunk", "record length disagrees with the chunk index");
        Chunk chunk = (Chunk) RecordDecoder.decode(Opcode.CHUNK, bytes, 9, bytes.length - 9, offset);
        byte[] records = chunk.compression().isEmpty() ? chunk.records()
                : ChunkCompression.decompress(chunk.compression(), chunk.records(), 0, chunk.records().length,
                        chunk.uncompressedSize(), offset);
        if (chunk.uncompressedCrc() != 0) {
            CRC32 crc = new CRC32();
            crc.update(records);
            if (crc.getValue() != chunk.uncompressedCrc()) throw new McapException(offset, "Chunk", "chunk CRC mismatch");
        }
        int at = 0, index = 0;
        while (at < records.length) {
            if (records.length - at < 9) throw new McapException(offset, "Chunk", "records end inside a record prefix");
            int opcode = records[at] & 0xFF;
            long len = RecordDecoder.readU64(records, at + 1);
            if (len < 0 || len > records.length - at - 9) {
                throw new McapException(offset, "Chunk", "record at +" + at + " runs past the chunk's records");
            }
            if (opcode == Opcode.MESSAGE) {
                Message m = (Message) RecordDecoder.decode(opcode, records, at + 9, (int) len, offset);
                if (wanted[m.channelId()] && Long.compareUnsigned(m.logTime(), startTime) >= 0
                        && Long.compareUnsigned(m.logTime(), endTime) <= 0) {
                    heap.add(new Pending(m, offset, index));
                }
                index++;
            }
            at += 9 + (int) len;
        }
    }

    private byte[] read(long offset, int length, String type) throws IOException {
        if (offset < 0 || offset + length > size) {
            throw new McapException(offset, type, length + " bytes from here run past the end of the " + size + "-byte file");
        }
        ByteBuffer bb = ByteBuffer.allocate(length);
        while (bb.hasRemaining()) {
            if (file.read(bb, offset + bb.position()) < 0) throw new McapException(offset, type, "unexpected end of file");
        }
        return bb.array();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
