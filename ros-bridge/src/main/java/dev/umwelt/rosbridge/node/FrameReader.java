package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;

/**
 * Splits a TCPROS byte stream into length-prefixed frames (the header first, then messages).
 * A length prefix over the current limit is refused before anything is allocated for it.
 * Frames are handed out as fresh arrays; consumed input is compacted away.
 */
final class FrameReader {
    interface Sink {
        void frame(byte[] body);

        void refuse(String why);
    }

    private final Sink sink;
    private Buffer pending = Buffer.buffer();
    private int read;
    private int limit;
    private boolean stopped;

    FrameReader(int limit, Sink sink) {
        this.limit = limit;
        this.sink = sink;
    }

    void limit(int newLimit) {
        this.limit = newLimit;
    }

    void stop() {
        stopped = true;
        pending = Buffer.buffer();
        read = 0;
    }

    /** Bytes received but not yet part of a whole frame (to report a truncated frame at close). */
    int buffered() {
        return pending.length() - read;
    }

    /** The length the next frame announces, or -1 while fewer than 4 bytes are buffered. */
    long announced() {
        return buffered() >= 4 ? pending.getUnsignedIntLE(read) : -1;
    }

    void feed(Buffer chunk) {
        if (stopped) return;
        if (read == pending.length()) {
            // Nothing left over: read frames straight out of the chunk and keep only its tail.
            pending = chunk;
            read = 0;
            split();
            if (!stopped) pending = read == pending.length() ? Buffer.buffer() : pending.getBuffer(read, pending.length());
            read = 0;
            return;
        }
        pending.appendBuffer(chunk);
        split();
        if (read == pending.length()) {
            pending = Buffer.buffer();
            read = 0;
        } else if (read > (1 << 16) && read > pending.length() / 2) {
            pending = pending.getBuffer(read, pending.length());
            read = 0;
        }
    }

    private void split() {
        while (!stopped) {
            int available = pending.length() - read;
            if (available < 4) break;
            long length = pending.getUnsignedIntLE(read);
            if (length > limit) {
                stopped = true;
                sink.refuse("length prefix " + length + " bytes is over the " + limit + "-byte limit");
                return;
            }
            if (available - 4 < length) break;
            byte[] body = pending.getBytes(read + 4, read + 4 + (int) length);
            read += 4 + (int) length;
            sink.frame(body);
        }
    }
}
