package dev.umwelt.episodes.mcap;

import java.io.IOException;

/**
 * A file that is not valid MCAP, or not readable as such: bad magic, a truncated record, a length
 * that runs past the end, a CRC mismatch. The message names the byte offset and the record type.
 */
public final class McapException extends IOException {
    private final long offset;

    public McapException(long offset, String recordType, String problem) {
        super((recordType == null ? "" : recordType + " record ") + "at byte offset " + offset + ": " + problem);
        this.offset = offset;
    }

    public McapException(long offset, String recordType, String problem, Throwable cause) {
        this(offset, recordType, problem);
        initCause(cause);
    }

    /** The byte offset in the file (or in the decompressed chunk, as the message says) of the problem. */
    public long offset() {
        return offset;
    }
}
