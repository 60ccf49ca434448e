package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes an MCAP file: magic and Header at construction, then schemas, channels, messages,
 * attachments and metadata in any order; {@link #close()} finishes the data section and writes
 * the summary, the Footer and the closing magic. Closing the writer closes the stream or channel.
 *
 * <p>Schemas and channels go into the open chunk when chunking is on (as the official writer does);
 * attachments and metadata always go straight to the data section. Not thread-safe.
 */
public final class McapWriter implements AutoCloseable {
    private final McapOutput out;
    private final McapWriteOptions options;
    private final ChunkBuilder chunk = new ChunkBuilder();
    private final McapBuffer scratch = new McapBuffer(1 << 12);
    private final McapBuffer compressed = new McapBuffer(1 << 12);
    private final CRC32 chunkCrc = new CRC32();

    // Summary material, gathered as the data section is written.
    private final List<Schema> schemas = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
    private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
    private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
    private final boolean[] channelKnown = new boolean[1 << 16];
    private final long[] channelMessageCounts = new long[1 << 16];
    private final List<Integer> channelsByFirstMessage = new ArrayList<>();
    private long messageCount, messageStartTime, messageEndTime, attachmentCount, metadataCount, chunkCount;
    private int nextSchemaId = 1, nextChannelId = 1;
    private boolean closed;

    public McapWriter(OutputStream stream, McapWriteOptions options) throws IOException {
        this(new McapOutput(stream), options);
    }

    public McapWriter(FileChannel channel, McapWriteOptions options) throws IOException {
        this(new McapOutput(channel), options);
    }

    /** Creates (or truncates) {@code path} and writes to it. */
    public static McapWriter create(Path path, McapWriteOptions options) throws IOException {
        return new McapWriter(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), options);
    }

    private McapWriter(McapOutput out, McapWriteOptions options) throws IOException {
        this.out = out;
        this.options = options;
        out.write(Opcode.MAGIC, 0, Opcode.MAGIC.length);
        emit(new Header(options.profile(), options.library()));
    }

    /** Adds a schema with the next free id (ids start at 1) and returns the id. */
    public int addSchema(String name, String encoding, byte[] data) throws IOException {
        writeSchema(new Schema(nextSchemaId, name, encoding, data));
        return nextSchemaId - 1;
    }

    /** Adds a channel with the next free id (ids start at 1) and returns the id. */
    public int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
            throws IOException {
        writeChannel(new Channel(nextChannelId, schemaId, topic, messageEncoding, metadata));
        return nextChannelId - 1;
    }

    public void writeSchema(Schema schema) throws IOException {
        checkOpen();
        schemas.add(schema);
        nextSchemaId = Math.max(nextSchemaId, schema.id() + 1);
        if (options.chunked()) RecordEncoder.encode(schema, chunk.records); else emit(schema);
    }

    public void writeChannel(Channel channel) throws IOException {
        checkOpen();
        channels.add(channel);
        channelKnown[channel.id()] = true;
        nextChannelId = Math.max(nextChannelId, channel.id() + 1);
        if (options.chunked()) RecordEncoder.encode(channel, chunk.records); else emit(channel);
    }

    public void writeMessage(Message m) throws IOException {
        writeMessage(m.channelId(), m.sequence(), m.logTime(), m.publishTime(), m.data(), 0, m.data().length);
    }

    /** The hot path: copies {@code data[off, off+len)} into the open chunk; no other allocation. */
    public void writeMessage(int channelId, long sequence, long logTime, long publishTime,
                             byte[] data, int off, int len) throws IOException {
        checkOpen();
        if (channelId < 0 || channelId > 0xFFFF || !channelKnown[channelId]) {
            throw new IllegalArgumentException("message on channel " + channelId + ", which was never added");
        }
        if (options.chunked()) {
            long span = options.chunkTimeSpanNs();
            if (span > 0 && chunk.messageCount > 0 && logTime - chunk.firstLogTime >= span) flushChunk();
            // A chunk never outgrows what readers accept (McapLimits): close it early instead.
            long recordSize = 9 + 22 + (long) len;
            if (chunk.records.size + recordSize > McapLimits.MAX_CHUNK_RECORDS) {
                if (recordSize > McapLimits.MAX_CHUNK_RECORDS) {
                    throw new IllegalArgumentException("a message of " + len + " bytes is larger than a chunk may be ("
                            + McapLimits.MAX_CHUNK_RECORDS + " bytes)");
                }
                flushChunk();
            }
            chunk.addMessage(channelId, sequence, logTime, publishTime, data, off, len);
        } else {
            scratch.clear();
            RecordEncoder.encodeMessage(scratch, channelId, sequence, logTime, publishTime, data, off, len);
            out.write(scratch);
        }
        countMessage(channelId, logTime);
        if (options.chunked() && chunk.records.size >= options.chunkSizeLimit()) flushChunk();
    }

    public void writeAttachment(Attachment attachment) throws IOException {
        checkOpen();
        long offset = out.position();
        emit(attachment);
        attachmentCount++;
        attachmentIndexes.add(new AttachmentIndex(offset, out.position() - offset, attachment.logTime(),
                attachment.createTime(), attachment.data().length, attachment.name(), attachment.mediaType()));
    }

    public void writeMetadata(Metadata metadata) throws IOException {
        checkOpen();
        long offset = out.position();
        emit(metadata);
        metadataCount++;
        metadataIndexes.add(new MetadataIndex(offset, out.position() - offset, metadata.name()));
    }

    /**
     * Finishes the file, top to bottom: the last chunk and its message indexes, DataEnd with the
     * data-section CRC, the summary groups (each optional), the summary offsets, the Footer with the
     * summary CRC, the closing magic.
     */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (out) {
            flushChunk();
            emit(new DataEnd(out.crc()));

            long summaryStart = out.position();
            out.resetCrc();
            List<SummaryOffset> groups = new ArrayList<>();
            writeGroup(Opcode.SCHEMA, options.repeatSchemas() ? schemas : List.of(), groups);
            writeGroup(Opcode.CHANNEL, options.repeatChannels() ? channels : List.of(), groups);
            writeGroup(Opcode.STATISTICS, options.statistics() ? List.of(statistics()) : List.of(), groups);
            writeGroup(Opcode.METADATA_INDEX, options.metadataIndex() ? metadataIndexes : List.of(), groups);
            writeGroup(Opcode.ATTACHMENT_INDEX, options.attachmentIndex() ? attachmentIndexes : List.of(), groups);
            writeGroup(Opcode.CHUNK_INDEX, options.chunkIndex() ? chunkIndexes : List.of(), groups);

            long summaryOffsetStart = options.summaryOffsets() && !groups.isEmpty() ? out.position() : 0;
            if (summaryOffsetStart != 0) {
                for (SummaryOffset group : groups) emit(group);
            }
            boolean hasSummary = out.position() > summaryStart;
            writeFooter(hasSummary ? summaryStart : 0, summaryOffsetStart);
            out.write(Opcode.MAGIC, 0, Opcode.MAGIC.length);
        }
    }

    /** The Statistics record for everything written so far. */
    public Statistics statistics() {
        Map<Integer, Long> perChannel = new LinkedHashMap<>();
        for (int id : channelsByFirstMessage) perChannel.put(id, channelMessageCounts[id]);
        return new Statistics(messageCount, schemas.size(), channels.size(), attachmentCount, metadataCount,
                chunkCount, messageStartTime, messageEndTime, perChannel);
    }

    private void countMessage(int channelId, long logTime) {
        if (messageCount == 0) {
            messageStartTime = messageEndTime = logTime;
        } else {
            messageStartTime = Math.min(messageStartTime, logTime);
            messageEndTime = Math.max(messageEndTime, logTime);
        }
        messageCount++;
        if (channelMessageCounts[channelId]++ == 0) channelsByFirstMessage.add(channelId);
    }

    /**
     * Closes the open chunk now (a no-op when none is open or the file is not chunked) and hands
     * it to the OS: a writer that must bound what a crash can lose calls this at its own
     * boundaries, since the time span alone closes a chunk only when a later message arrives.
     */
    public void closeChunk() throws IOException {
        flushChunk();
    }

    /** Writes the open chunk (compressed as configured), then its message indexes; records its ChunkIndex. */
    private void flushChunk() throws IOException {
        if (!options.chunked() || chunk.isEmpty()) return;
        McapBuffer records = chunk.records;
        chunkCrc.reset();
        chunkCrc.update(records.bytes, 0, records.size);
        String compression = options.compression();
        McapBuffer body = records;
        if (!compression.isEmpty()) {
            ChunkCompression.compress(compression, records.bytes, records.size, compressed);
            body = compressed;
        }

        long chunkStart = out.position();
        scratch.clear();
        int mark = scratch.beginRecord(Opcode.CHUNK);
        scratch.u64(chunk.messageStartTime);
        scratch.u64(chunk.messageEndTime);
        scratch.u64(records.size);
        scratch.u32(chunkCrc.getValue());
        scratch.string(compression);
        scratch.u64(body.size);
        scratch.putU64(mark - 8, scratch.size - mark + (long) body.size);
        out.write(scratch);
        out.write(body);
        long chunkLength = out.position() - chunkStart;

        long indexStart = out.position();
        Map<Integer, Long> indexOffsets = new LinkedHashMap<>();
        if (options.messageIndex()) {
            for (int slot = 0; slot < chunk.channelCount; slot++) {
                indexOffsets.put(chunk.channels[slot], out.position());
                writeMessageIndex(chunk.channels[slot], chunk.entries[slot], chunk.entryCounts[slot]);
            }
        }
        if (options.chunkIndex()) {
            chunkIndexes.add(new ChunkIndex(chunk.messageStartTime, chunk.messageEndTime, chunkStart, chunkLength,
                    indexOffsets, out.position() - indexStart, compression, body.size, records.size));
        }
        chunkCount++;
        chunk.reset();
        // Hand each finished chunk to the OS at once: a killed process then loses only the open chunk.
        out.flush();
    }

    private void writeMessageIndex(int channelId, long[] entries, int count) throws IOException {
        scratch.clear();
        int mark = scratch.beginRecord(Opcode.MESSAGE_INDEX);
        scratch.u16(channelId);
        scratch.u32(8L * count);
        for (int i = 0; i < count; i++) scratch.u64(entries[i]);
        scratch.endRecord(mark);
        out.write(scratch);
    }

    private void writeGroup(int opcode, List<? extends McapRecord> records, List<SummaryOffset> groups)
            throws IOException {
        if (records.isEmpty()) return;
        long start = out.position();
        for (McapRecord r : records) emit(r);
        groups.add(new SummaryOffset(opcode, start, out.position() - start));
    }

    /** The Footer's CRC covers the summary (if any) and the Footer itself up to the CRC field. */
    private void writeFooter(long summaryStart, long summaryOffsetStart) throws IOException {
        if (summaryStart == 0) out.resetCrc();
        scratch.clear();
        RecordEncoder.encode(new Footer(summaryStart, summaryOffsetStart, 0), scratch);
        out.write(scratch.bytes, 0, scratch.size - 4);
        scratch.putU32(scratch.size - 4, out.crc());
        out.write(scratch.bytes, scratch.size - 4, 4);
    }

    private void emit(McapRecord record) throws IOException {
        scratch.clear();
        RecordEncoder.encode(record, scratch);
        out.write(scratch);
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("MCAP writer is closed");
    }
}
