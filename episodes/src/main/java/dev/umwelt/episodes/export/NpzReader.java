package dev.umwelt.episodes.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a numpy {@code .npz} (stored or deflated entries, the dtypes of {@link NpyType}) into
 * memory: what Java-side tools and tests use to check a dataset as Python would see it.
 */
public final class NpzReader {
    /** One array: dtype, shape (first axis: rows) and its little-endian data. */
    public record Array(String name, NpyType type, long[] shape, ByteBuffer data) {
        public int rows() {
            return (int) shape[0];
        }

        /** Elements per row (the product of the shape after the first axis). */
        public int rowElements() {
            long n = 1;
            for (int d = 1; d < shape.length; d++) n *= shape[d];
            return (int) n;
        }

        public float f32(long index) { return data.getFloat(Math.toIntExact(index * 4)); }
        public short i16(long index) { return data.getShort(Math.toIntExact(index * 2)); }
        public int i32(long index) { return data.getInt(Math.toIntExact(index * 4)); }
        public long i64(long index) { return data.getLong(Math.toIntExact(index * 8)); }
        public int u8(long index) { return data.get(Math.toIntExact(index)) & 0xff; }
    }

    private NpzReader() {}

    /** Every array of {@code file}, by name (without {@code .npy}), in file order. */
    public static Map<String, Array> read(Path file) throws IOException {
        Map<String, Array> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName().endsWith(".npy") ? entry.getName().substring(0, entry.getName().length() - 4)
                        : entry.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                NpyHeader h;
                try {
                    h = NpyHeader.read(b, file.getFileName() + ": " + entry.getName());
                } catch (IllegalArgumentException ex) {
                    throw new IOException(ex.getMessage(), ex);
                }
                if ((long) b.remaining() != h.elements() * h.type().bytes) {
                    throw new IOException(file.getFileName() + ": " + entry.getName() + " holds " + b.remaining()
                            + " data bytes, its shape needs " + h.elements() * h.type().bytes);
                }
                out.put(name, new Array(name, h.type(), h.shape(), b.slice().order(ByteOrder.LITTLE_ENDIAN)));
            }
        }
        return out;
    }
}
