package dev.umwelt.episodes.mcap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** Chunk compression as MCAP names it: {@code ""} (none), {@code "lz4"} (LZ4 frame format), {@code "zstd"}. */
final class ChunkCompression {
    static final String NONE = "", LZ4 = "lz4", ZSTD = "zstd";
    private static final int ZSTD_LEVEL = 3;

    private ChunkCompression() {}

    static void check(String compression) {
        if (!compression.equals(NONE) && !compression.equals(LZ4) && !compression.equals(ZSTD)) {
            throw new IllegalArgumentException("unsupported MCAP compression \"" + compression
                    + "\" (use \"\", \"lz4\" or \"zstd\")");
        }
    }

    /** Compresses {@code src[0, len)} into {@code dst} (cleared first). */
    static void compress(String compression, byte[] src, int len, McapBuffer dst) throws IOException {
        dst.clear();
        if (compression.equals(ZSTD)) {
            dst.ensure((int) Zstd.compressBound(len));
            long n = Zstd.compressByteArray(dst.bytes, 0, dst.bytes.length, src, 0, len, ZSTD_LEVEL);
            if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
            dst.size = (int) n;
        } else if (compression.equals(LZ4)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
            try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out)) {
                lz4.write(src, 0, len);
            }
            byte[] framed = out.toByteArray();
            dst.raw(framed, 0, framed.length);
        } else {
            throw new IllegalArgumentException("no compressor for \"" + compression + "\"");
        }
    }

    /**
     * Decompresses {@code src[off, off+len)} to exactly {@code uncompressedSize} bytes. The size is
     * checked against {@link McapLimits#MAX_CHUNK_RECORDS} first; the output is allocated at that
     * size only when a zstd frame declares the same content size, otherwise it grows with the bytes
     * the decompressor actually produces, so a forged size allocates nothing it does not fill.
     */
    static byte[] decompress(String compression, byte[] src, int off, int len, long uncompressedSize,
                             long chunkOffset) throws McapException {
        int size = McapLimits.chunkRecordsSize(uncompressedSize, chunkOffset);
        try {
            if (compression.equals(ZSTD)) {
                if (Zstd.getFrameContentSize(src, off, len) == size) {
                    byte[] out = new byte[size];
                    long n = Zstd.decompressByteArray(out, 0, size, src, off, len);
                    if (Zstd.isError(n) || n != size) {
                        throw new McapException(chunkOffset, "Chunk", "zstd decompression gave "
                                + (Zstd.isError(n) ? Zstd.getErrorName(n) : n + " bytes") + ", expected " + size);
                    }
                    return out;
                }
                try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(src, off, len))) {
                    return readExactly(in, size, len, "zstd", chunkOffset);
                }
            }
            if (compression.equals(LZ4)) {
                try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(src, off, len))) {
                    return readExactly(in, size, len, "lz4", chunkOffset);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof McapException m) throw m;
            throw new McapException(chunkOffset, "Chunk", compression + " decompression failed: " + e, e);
        }
        throw new McapException(chunkOffset, "Chunk", "unsupported compression \"" + compression + "\"");
    }

    /** Reads exactly {@code size} bytes and then the end of {@code in}, growing the buffer as bytes arrive. */
    private static byte[] readExactly(InputStream in, int size, int compressedLength, String codec, long chunkOffset)
            throws IOException {
        byte[] out = new byte[(int) Math.min(size, Math.max(1 << 16, 4L * compressedLength))];
        int filled = 0;
        while (true) {
            if (filled == out.length) {
                if (filled == size) break;
                out = Arrays.copyOf(out, (int) Math.min(size, 2L * out.length));
            }
            int r = in.read(out, filled, out.length - filled);
            if (r < 0) break;
            filled += r;
        }
        if (filled != size || in.read() != -1) {
            throw new McapException(chunkOffset, "Chunk", codec + " data does not decompress to uncompressed_size "
                    + size + " bytes" + (filled < size ? " (only " + filled + ")" : " (more)"));
        }
        return out;
    }
}
