package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;

/**
 * Splits a TCPROS byte stream into length-prefixed frames (the header first, then messages).
 * A length prefix over the current limit is refused before anything is allocated for it.
 * Whole frames are cut straight out of the received chunk; only a frame cut off at a chunk's
 * end is copied, into a buffer that grows by doubling up to exactly the announced length, so
 * a partial frame holds at most twice what arrived of it and never more than it announced.
 */
final class FrameReader {
    interface Sink {
        void frame(byte[] body);

        void refuse(String why);
    }

    /** First buffer for a cut-off frame: a connection header or a small message fits at once. */
    private static final int FIRST_BYTES = 64 << 10;

    private final Sink sink;
    private Buffer partial; // the frame cut off at the last chunk's end, prefix included; null when none
    private int capacity;   // what partial was allocated for
    private int expected;   // prefix + body length of the partial frame; -1 while its prefix is incomplete
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
        partial = null;
    }

    /** Bytes received but not yet part of a whole frame (to report a truncated frame at close). */
    int buffered() {
        return partial == null ? 0 : partial.length();
    }

    /** The length the next frame announces, or -1 while fewer than 4 bytes are buffered. */
    long announced() {
        return partial == null || expected < 0 ? -1 : expected - 4L;
    }

    void feed(Buffer chunk) {
        int at = 0, end = chunk.length();
        while (!stopped && at < end) {
            if (partial == null) {
                at = wholeFrames(chunk, at, end);
                if (stopped || at == end) return;
                int left = end - at;
                expected = left >= 4 ? 4 + (int) chunk.getUnsignedIntLE(at) : -1; // checked by wholeFrames
                capacity = expected < 0 ? 4 : Math.min(expected, Math.max(left, FIRST_BYTES));
                partial = Buffer.buffer(capacity);
                append(chunk, at, left);
                return;
            }
            if (expected < 0) {
                int take = Math.min(4 - partial.length(), end - at);
                partial.appendBuffer(chunk, at, take);
                at += take;
                if (partial.length() < 4) return;
                long length = partial.getUnsignedIntLE(0);
                if (tooLong(length)) return;
                expected = 4 + (int) length;
                Buffer prefix = partial;
                capacity = Math.min(expected, FIRST_BYTES);
                partial = Buffer.buffer(capacity).appendBuffer(prefix);
            }
            int take = Math.min(expected - partial.length(), end - at);
            append(chunk, at, take);
            at += take;
            if (partial.length() == expected) {
                byte[] body = partial.getBytes(4, expected);
                partial = null;
                sink.frame(body);
            }
        }
    }

    /** Hands out the frames lying whole in {@code chunk} from {@code at}; returns where the rest starts. */
    private int wholeFrames(Buffer chunk, int at, int end) {
        while (!stopped && end - at >= 4) {
            long length = chunk.getUnsignedIntLE(at);
            if (tooLong(length)) return end;
            if (end - at - 4 < length) break;
            byte[] body = chunk.getBytes(at + 4, at + 4 + (int) length);
            at += 4 + (int) length;
            sink.frame(body); // may change the limit (header done) or stop the reader
        }
        return at;
    }

    private boolean tooLong(long length) {
        if (length <= limit && length <= Integer.MAX_VALUE - 8) return false;
        stop();
        sink.refuse("length prefix " + length + " bytes is over the " + limit + "-byte limit");
        return true;
    }

    private void append(Buffer chunk, int from, int n) {
        if (partial.length() + n > capacity) {
            capacity = (int) Math.min(expected, Math.max(2L * capacity, (long) partial.length() + n));
            partial = Buffer.buffer(capacity).appendBuffer(partial);
        }
        partial.appendBuffer(chunk, from, n);
    }
}
