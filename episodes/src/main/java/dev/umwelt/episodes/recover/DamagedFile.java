package dev.umwelt.episodes.recover;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The damaged file, read at offsets recovery chooses: small reads and byte-by-byte scans come from
 * a 1 MiB window, larger reads straight from the file. A read never reaches past the end of the
 * file, so no length found in it can make this allocate more than the file holds.
 */
final class DamagedFile implements AutoCloseable {
    private static final int WINDOW = 1 << 20;
    private final FileChannel channel;
    final long size;
    private final byte[] window;
    private long windowStart;
    private int windowLength;

    DamagedFile(Path path) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        size = channel.size();
        window = new byte[(int) Math.min(WINDOW, Math.max(size, 16))];
    }

    /** The byte at {@code at}, or -1 outside the file. */
    int u8(long at) throws IOException {
        if (at < 0 || at >= size) return -1;
        if (at < windowStart || at >= windowStart + windowLength) fill(at);
        return window[(int) (at - windowStart)] & 0xFF;
    }

    /** The little-endian unsigned integer of {@code n} (4 or 8) bytes at {@code at}; the caller checked the range. */
    long uint(long at, int n) throws IOException {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << 8 | u8(at + i);
        return v;
    }

    /** True when {@code n} bytes from {@code at} lie inside the file. */
    boolean has(long at, long n) {
        return at >= 0 && n >= 0 && n <= size - at;
    }

    /** {@code n} bytes from {@code at}; the caller checked {@link #has}. */
    byte[] bytes(long at, int n) throws IOException {
        if (!has(at, n)) throw new IllegalArgumentException(n + " bytes from " + at + " run past the end of the file");
        byte[] out = new byte[n];
        if (n <= window.length / 2) {
            if (at < windowStart || at + n > windowStart + windowLength) fill(at);
            System.arraycopy(window, (int) (at - windowStart), out, 0, n);
            return out;
        }
        ByteBuffer bb = ByteBuffer.wrap(out);
        while (bb.hasRemaining()) {
            if (channel.read(bb, at + bb.position()) < 0) throw new IOException("the file shrank while it was read");
        }
        return out;
    }

    private void fill(long at) throws IOException {
        windowStart = at;
        windowLength = (int) Math.min(window.length, size - at);
        ByteBuffer bb = ByteBuffer.wrap(window, 0, windowLength);
        while (bb.hasRemaining()) {
            if (channel.read(bb, at + bb.position()) < 0) throw new IOException("the file shrank while it was read");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
