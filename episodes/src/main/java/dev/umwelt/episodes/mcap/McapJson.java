package dev.umwelt.episodes.mcap;

import dev.umwelt.episodes.mcap.McapRecord.*;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a record the way the MCAP conformance data writes it:
 * {@code {"type": "Channel", "fields": [["id", "1"], ...]}} with fields sorted by snake_case name,
 * every integer as an unsigned decimal string, bytes as arrays of decimal strings, maps as objects.
 * Chunk and MessageIndex are rendered too, though the conformance output never lists them.
 */
public final class McapJson {
    private McapJson() {}

    public static String render(McapRecord record) {
        TreeMap<String, Object> f = new TreeMap<>();
        if (record instanceof Header h) {
            f.put("library", h.library()); f.put("profile", h.profile());
        } else if (record instanceof Footer x) {
            f.put("summary_crc", x.summaryCrc()); f.put("summary_offset_start", x.summaryOffsetStart());
            f.put("summary_start", x.summaryStart());
        } else if (record instanceof Schema s) {
            f.put("data", s.data()); f.put("encoding", s.encoding()); f.put("id", (long) s.id()); f.put("name", s.name());
        } else if (record instanceof Channel c) {
            f.put("id", (long) c.id()); f.put("message_encoding", c.messageEncoding()); f.put("metadata", c.metadata());
            f.put("schema_id", (long) c.schemaId()); f.put("topic", c.topic());
        } else if (record instanceof Message m) {
            f.put("channel_id", (long) m.channelId()); f.put("data", m.data()); f.put("log_time", m.logTime());
            f.put("publish_time", m.publishTime()); f.put("sequence", m.sequence());
        } else if (record instanceof Chunk c) {
            f.put("compression", c.compression()); f.put("message_end_time", c.messageEndTime());
            f.put("message_start_time", c.messageStartTime()); f.put("records", c.records());
            f.put("uncompressed_crc", c.uncompressedCrc()); f.put("uncompressed_size", c.uncompressedSize());
        } else if (record instanceof MessageIndex mi) {
            f.put("channel_id", (long) mi.channelId());
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < mi.entries().length; i += 2) {
                sb.append(i == 0 ? "" : ", ").append("[\"").append(Long.toUnsignedString(mi.entries()[i]))
                        .append("\", \"").append(Long.toUnsignedString(mi.entries()[i + 1])).append("\"]");
            }
            f.put("records", new Raw(sb.append(']').toString()));
        } else if (record instanceof ChunkIndex ci) {
            f.put("chunk_length", ci.chunkLength()); f.put("chunk_start_offset", ci.chunkStartOffset());
            f.put("compressed_size", ci.compressedSize()); f.put("compression", ci.compression());
            f.put("message_end_time", ci.messageEndTime()); f.put("message_index_length", ci.messageIndexLength());
            f.put("message_index_offsets", ci.messageIndexOffsets()); f.put("message_start_time", ci.messageStartTime());
            f.put("uncompressed_size", ci.uncompressedSize());
        } else if (record instanceof Attachment a) {
            f.put("create_time", a.createTime()); f.put("data", a.data()); f.put("log_time", a.logTime());
            f.put("media_type", a.mediaType()); f.put("name", a.name());
        } else if (record instanceof AttachmentIndex ai) {
            f.put("create_time", ai.createTime()); f.put("data_size", ai.dataSize()); f.put("length", ai.length());
            f.put("log_time", ai.logTime()); f.put("media_type", ai.mediaType()); f.put("name", ai.name());
            f.put("offset", ai.offset());
        } else if (record instanceof Statistics s) {
            f.put("attachment_count", s.attachmentCount()); f.put("channel_count", s.channelCount());
            f.put("channel_message_counts", s.channelMessageCounts()); f.put("chunk_count", s.chunkCount());
            f.put("message_count", s.messageCount()); f.put("message_end_time", s.messageEndTime());
            f.put("message_start_time", s.messageStartTime()); f.put("metadata_count", s.metadataCount());
            f.put("schema_count", (long) s.schemaCount());
        } else if (record instanceof Metadata m) {
            f.put("metadata", m.metadata()); f.put("name", m.name());
        } else if (record instanceof MetadataIndex mi) {
            f.put("length", mi.length()); f.put("name", mi.name()); f.put("offset", mi.offset());
        } else if (record instanceof SummaryOffset so) {
            f.put("group_length", so.groupLength()); f.put("group_opcode", (long) so.groupOpcode());
            f.put("group_start", so.groupStart());
        } else if (record instanceof DataEnd d) {
            f.put("data_section_crc", d.dataSectionCrc());
        }
        StringBuilder sb = new StringBuilder("{\"type\": ").append(quote(record.typeName())).append(", \"fields\": [");
        boolean first = true;
        for (Map.Entry<String, Object> e : f.entrySet()) {
            sb.append(first ? "" : ", ").append('[').append(quote(e.getKey())).append(", ");
            value(e.getValue(), sb);
            sb.append(']');
            first = false;
        }
        return sb.append("]}").toString();
    }

    private record Raw(String json) {}

    private static void value(Object v, StringBuilder sb) {
        if (v instanceof Long l) {
            sb.append('"').append(Long.toUnsignedString(l)).append('"');
        } else if (v instanceof Integer i) {
            sb.append('"').append(i).append('"');
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof byte[] bytes) {
            sb.append('[');
            for (int i = 0; i < bytes.length; i++) sb.append(i == 0 ? "\"" : ", \"").append(bytes[i] & 0xFF).append('"');
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ").append(quote(String.valueOf(e.getKey()))).append(": ");
                value(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (v instanceof Raw raw) {
            sb.append(raw.json());
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
