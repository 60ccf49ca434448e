package dev.umwelt.episodes.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A reusable, growable little-endian byte buffer: the writer's hot path appends records here and
 * never allocates per message once the buffer has grown to its working size.
 */
final class McapBuffer {
    byte[] bytes;
    int size;

    McapBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    void clear() {
        size = 0;
    }

    void ensure(int extra) {
        long need = (long) size + extra;
        if (need > bytes.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("MCAP buffer would exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, 2L * bytes.length)));
        }
    }

    void u8(int v) {
        ensure(1);
        bytes[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
    }

    void u32(long v) {
        ensure(4);
        putU32(size, v);
        size += 4;
    }

    void u64(long v) {
        ensure(8);
        putU64(size, v);
        size += 8;
    }

    void putU32(int at, long v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    void putU64(int at, long v) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (v >>> (8 * i));
        }
    }

    void raw(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, bytes, size, len);
        size += len;
    }

    /** A u32-length-prefixed UTF-8 string. */
    void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        raw(utf8, 0, utf8.length);
    }

    /** Opens a record: writes the opcode and a placeholder length; returns the mark for {@link #endRecord}. */
    int beginRecord(int opcode) {
        u8(opcode);
        u64(0);
        return size;
    }

    void endRecord(int mark) {
        putU64(mark - 8, size - mark);
    }

    long crc(int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }
}
