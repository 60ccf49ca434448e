package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.util.Map;

/** Serializes records (opcode, u64 length, body) into a {@link McapBuffer}, field by field as the spec orders them. */
final class RecordEncoder {
    private RecordEncoder() {}

    static void encode(McapRecord record, McapBuffer b) {
        int mark = b.beginRecord(record.opcode());
        if (record instanceof Header h) {
            b.string(h.profile()); b.string(h.library());
        } else if (record instanceof Footer f) {
            b.u64(f.summaryStart()); b.u64(f.summaryOffsetStart()); b.u32(f.summaryCrc());
        } else if (record instanceof Schema s) {
            b.u16(s.id()); b.string(s.name()); b.string(s.encoding());
            b.u32(s.data().length); b.raw(s.data(), 0, s.data().length);
        } else if (record instanceof Channel c) {
            b.u16(c.id()); b.u16(c.schemaId()); b.string(c.topic()); b.string(c.messageEncoding());
            stringMap(c.metadata(), b);
        } else if (record instanceof Message m) {
            b.u16(m.channelId()); b.u32(m.sequence()); b.u64(m.logTime()); b.u64(m.publishTime());
            b.raw(m.data(), 0, m.data().length);
        } else if (record instanceof Chunk c) {
            b.u64(c.messageStartTime()); b.u64(c.messageEndTime()); b.u64(c.uncompressedSize());
            b.u32(c.uncompressedCrc()); b.string(c.compression());
            b.u64(c.records().length); b.raw(c.records(), 0, c.records().length);
        } else if (record instanceof MessageIndex mi) {
            b.u16(mi.channelId()); b.u32(8L * mi.entries().length);
            for (long v : mi.entries()) b.u64(v);
        } else if (record instanceof ChunkIndex ci) {
            b.u64(ci.messageStartTime()); b.u64(ci.messageEndTime()); b.u64(ci.chunkStartOffset());
            b.u64(ci.chunkLength());
            b.u32(10L * ci.messageIndexOffsets().size());
            for (Map.Entry<Integer, Long> e : ci.messageIndexOffsets().entrySet()) {
                b.u16(e.getKey()); b.u64(e.getValue());
            }
            b.u64(ci.messageIndexLength()); b.string(ci.compression());
            b.u64(ci.compressedSize()); b.u64(ci.uncompressedSize());
        } else if (record instanceof Attachment a) {
            int start = b.size;
            b.u64(a.logTime()); b.u64(a.createTime()); b.string(a.name()); b.string(a.mediaType());
            b.u64(a.data().length); b.raw(a.data(), 0, a.data().length);
            b.u32(b.crc(start, b.size));
        } else if (record instanceof AttachmentIndex ai) {
            b.u64(ai.offset()); b.u64(ai.length()); b.u64(ai.logTime()); b.u64(ai.createTime());
            b.u64(ai.dataSize()); b.string(ai.name()); b.string(ai.mediaType());
        } else if (record instanceof Statistics s) {
            b.u64(s.messageCount()); b.u16(s.schemaCount()); b.u32(s.channelCount());
            b.u32(s.attachmentCount()); b.u32(s.metadataCount()); b.u32(s.chunkCount());
            b.u64(s.messageStartTime()); b.u64(s.messageEndTime());
            b.u32(10L * s.channelMessageCounts().size());
            for (Map.Entry<Integer, Long> e : s.channelMessageCounts().entrySet()) {
                b.u16(e.getKey()); b.u64(e.getValue());
            }
        } else if (record instanceof Metadata m) {
            b.string(m.name()); stringMap(m.metadata(), b);
        } else if (record instanceof MetadataIndex mi) {
            b.u64(mi.offset()); b.u64(mi.length()); b.string(mi.name());
        } else if (record instanceof SummaryOffset so) {
            b.u8(so.groupOpcode()); b.u64(so.groupStart()); b.u64(so.groupLength());
        } else if (record instanceof DataEnd d) {
            b.u32(d.dataSectionCrc());
        }
        b.endRecord(mark);
    }

    /** A Message record straight from its fields: the writer's hot path, no record object. */
    static void encodeMessage(McapBuffer b, int channelId, long sequence, long logTime, long publishTime,
                              byte[] data, int off, int len) {
        b.ensure(9 + 22 + len);
        int mark = b.beginRecord(Opcode.MESSAGE);
        b.u16(channelId);
        b.u32(sequence);
        b.u64(logTime);
        b.u64(publishTime);
        b.raw(data, off, len);
        b.endRecord(mark);
    }

    private static void stringMap(Map<String, String> map, McapBuffer b) {
        int lengthAt = b.size;
        b.u32(0);
        for (Map.Entry<String, String> e : map.entrySet()) {
            b.string(e.getKey());
            b.string(e.getValue());
        }
        b.putU32(lengthAt, b.size - lengthAt - 4);
    }
}
