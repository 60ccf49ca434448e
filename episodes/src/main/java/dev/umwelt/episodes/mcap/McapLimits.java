package dev.umwelt.episodes.mcap;

/**
 * The bounds every reader checks a length from the file against before it allocates anything
 * (episodes/README.md, "Bounds"). A length is first checked against the bytes the file (or the
 * record, or the chunk's records) still has after the field; these are the fixed ceilings on top.
 */
public final class McapLimits {
    /** A record body must fit one Java array. */
    public static final long MAX_RECORD = Integer.MAX_VALUE - 16;

    /**
     * The largest decompressed records of one chunk: 256 MiB, 64 times the production writer's
     * 4 MiB chunks and above any one camera frame the robot descriptions allow. The writer closes
     * a chunk early rather than pass it, so every file it writes stays readable.
     */
    public static final long MAX_CHUNK_RECORDS = 256L << 20;

    /** A chunk's compression name ("", "lz4", "zstd"); anything longer is damage, not a new codec. */
    public static final int MAX_COMPRESSION_NAME = 32;

    private McapLimits() {}

    /** Checks a chunk's uncompressed_size before its records are decompressed. */
    static int chunkRecordsSize(long uncompressedSize, long chunkOffset) throws McapException {
        if (uncompressedSize < 0 || uncompressedSize > MAX_CHUNK_RECORDS) {
            throw new McapException(chunkOffset, "Chunk", "uncompressed_size " + Long.toUnsignedString(uncompressedSize)
                    + " is larger than a chunk may be (" + MAX_CHUNK_RECORDS + " bytes)");
        }
        return (int) uncompressedSize;
    }
}
