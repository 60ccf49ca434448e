package dev.umwelt.episodes.mcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * The writer's sink: buffers bytes for an OutputStream or a FileChannel, counts the file position
 * and keeps a running CRC-32 of everything written since the last {@link #resetCrc}.
 */
final class McapOutput implements AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private final OutputStream stream;
    private final FileChannel channel;
    private final byte[] buf = new byte[BUFFER];
    private final CRC32 crc = new CRC32();
    private int count;
    private long position;

    McapOutput(OutputStream stream) {
        this.stream = stream;
        this.channel = null;
    }

    McapOutput(FileChannel channel) {
        this.stream = null;
        this.channel = channel;
    }

    long position() {
        return position;
    }

    long crc() {
        return crc.getValue();
    }

    void resetCrc() {
        crc.reset();
    }

    void write(McapBuffer b) throws IOException {
        write(b.bytes, 0, b.size);
    }

    void write(byte[] b, int off, int len) throws IOException {
        crc.update(b, off, len);
        position += len;
        if (len > BUFFER - count) {
            flush();
            if (len >= BUFFER) {
                sink(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Hands the buffered bytes to the stream or channel (and flushes the stream): they survive a killed process. */
    void flush() throws IOException {
        if (count > 0) {
            sink(buf, 0, count);
            count = 0;
        }
        if (stream != null) stream.flush();
    }

    private void sink(byte[] b, int off, int len) throws IOException {
        if (stream != null) {
            stream.write(b, off, len);
        } else {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            while (bb.hasRemaining()) channel.write(bb);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            if (stream != null) stream.flush();
        } finally {
            if (stream != null) stream.close(); else channel.close();
        }
    }
}
