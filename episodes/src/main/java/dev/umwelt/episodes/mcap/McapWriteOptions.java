package dev.umwelt.episodes.mcap;

import java.util.Set;

/**
 * What the writer puts in a file. Each boolean is one of the conformance feature codes:
 * chunked ({@code ch}), messageIndex ({@code mx}), statistics ({@code st}), repeatSchemas ({@code rsh}),
 * repeatChannels ({@code rch}), attachmentIndex ({@code ax}), metadataIndex ({@code mdx}),
 * chunkIndex ({@code chx}), summaryOffsets ({@code sum}).
 *
 * @param compression      chunk compression: {@code ""}, {@code "lz4"} or {@code "zstd"}
 * @param chunkSizeLimit   a chunk closes once its uncompressed records reach this many bytes
 * @param chunkTimeSpanNs  when positive, a chunk closes before a message whose log_time is at least
 *                         this many ns after the chunk's first message; 0 means no time limit
 * @param profile          the Header's profile string
 * @param library          the Header's library string
 */
public record McapWriteOptions(boolean chunked, boolean messageIndex, boolean statistics, boolean repeatSchemas,
                               boolean repeatChannels, boolean attachmentIndex, boolean metadataIndex,
                               boolean chunkIndex, boolean summaryOffsets, String compression,
                               long chunkSizeLimit, long chunkTimeSpanNs, String profile, String library) {

    public static final long ONE_SECOND_NS = 1_000_000_000L;

    public McapWriteOptions {
        ChunkCompression.check(compression);
        if (chunkSizeLimit <= 0) throw new IllegalArgumentException("chunkSizeLimit must be positive");
        if (chunkTimeSpanNs < 0) throw new IllegalArgumentException("chunkTimeSpanNs must be >= 0");
        if ((messageIndex || chunkIndex) && !chunked) {
            throw new IllegalArgumentException("message and chunk indexes need chunked = true");
        }
    }

    /**
     * Production mode: every index, statistics and summary offset, zstd chunks of at most 4 MiB
     * and at most 1 s of sim time, profile {@code "ros1"}, library {@code "umwelt"}.
     */
    public static McapWriteOptions production() {
        return new McapWriteOptions(true, true, true, true, true, true, true, true, true, ChunkCompression.ZSTD,
                4L << 20, ONE_SECOND_NS, "ros1", "umwelt");
    }

    /**
     * Conformance mode: the official TypeScript writer's output for a conformance variant with these
     * feature codes: one uncompressed chunk holding everything (no size or time limit), the given
     * Header strings, each feature switched on only when its code is present.
     */
    public static McapWriteOptions conformance(Set<String> features, String profile, String library) {
        for (String f : features) {
            if (!Set.of("ch", "mx", "st", "rsh", "rch", "ax", "mdx", "chx", "sum").contains(f)) {
                throw new IllegalArgumentException("unknown or unsupported feature code: " + f);
            }
        }
        return new McapWriteOptions(features.contains("ch"), features.contains("mx"), features.contains("st"),
                features.contains("rsh"), features.contains("rch"), features.contains("ax"), features.contains("mdx"),
                features.contains("chx"), features.contains("sum"), ChunkCompression.NONE, Long.MAX_VALUE, 0,
                profile, library);
    }

    public McapWriteOptions withCompression(String compression) {
        return new McapWriteOptions(chunked, messageIndex, statistics, repeatSchemas, repeatChannels,
                attachmentIndex, metadataIndex, chunkIndex, summaryOffsets, compression, chunkSizeLimit,
                chunkTimeSpanNs, profile, library);
    }

    public McapWriteOptions withChunkLimits(long sizeLimitBytes, long timeSpanNs) {
        return new McapWriteOptions(chunked, messageIndex, statistics, repeatSchemas, repeatChannels,
                attachmentIndex, metadataIndex, chunkIndex, summaryOffsets, compression, sizeLimitBytes,
                timeSpanNs, profile, library);
    }

    public McapWriteOptions withHeader(String profile, String library) {
        return new McapWriteOptions(chunked, messageIndex, statistics, repeatSchemas, repeatChannels,
                attachmentIndex, metadataIndex, chunkIndex, summaryOffsets, compression, chunkSizeLimit,
                chunkTimeSpanNs, profile, library);
    }
}
