package dev.umwelt.episodes.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One shard of a dataset as a numpy {@code .npz} (a ZIP of {@code .npy} arrays, stored
 * uncompressed, so {@code np.load} reads it and nothing is spent on deflate). Rows stream to one
 * temporary file per array as they come, so memory stays at one row whatever the shard size;
 * {@link #finish} writes the ZIP (CRCs from a pass over each temporary file), renames it into
 * place and deletes the temporaries. Entry times are fixed, so equal rows give equal bytes.
 */
final class NpzShardWriter implements AutoCloseable {
    /** One array: its dtype, the shape of a row, and where its rows go until {@link #finish}. */
    record Array(String name, NpyType type, int[] rowShape) {
        int rowBytes() {
            int n = type.bytes;
            for (int d : rowShape) n *= d;
            return n;
        }
    }

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final Path target;
    private final List<Array> arrays;
    private final List<Path> temps = new ArrayList<>();
    private final List<OutputStream> outs = new ArrayList<>();
    private final ByteBuffer[] rows;
    private long count;
    private boolean done;

    NpzShardWriter(Path target, List<Array> arrays) throws IOException {
        this.target = target;
        this.arrays = List.copyOf(arrays);
        this.rows = new ByteBuffer[arrays.size()];
        try {
            for (int i = 0; i < arrays.size(); i++) {
                Path t = target.resolveSibling("." + target.getFileName() + "." + arrays.get(i).name() + ".tmp");
                temps.add(t);
                outs.add(new BufferedOutputStream(Files.newOutputStream(t), 1 << 16));
                rows[i] = ByteBuffer.allocate(arrays.get(i).rowBytes()).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The row buffer of array {@code i}, cleared: fill it completely, then {@link #commitRow}. */
    ByteBuffer row(int i) {
        return rows[i].clear();
    }

    /** Appends the filled row buffers as one row of every array. */
    void commitRow() throws IOException {
        for (int i = 0; i < rows.length; i++) {
            ByteBuffer b = rows[i];
            if (b.position() != b.capacity()) {
                throw new IllegalStateException(arrays.get(i).name() + ": row filled with " + b.position() + " of "
                        + b.capacity() + " bytes");
            }
            outs.get(i).write(b.array(), 0, b.capacity());
        }
        count++;
    }

    long rows() {
        return count;
    }

    /** Writes {@code target} (via a temporary name, renamed when complete) and removes the per-array files. */
    void finish() throws IOException {
        for (OutputStream o : outs) o.close();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
            zip.setMethod(ZipOutputStream.STORED);
            byte[] buf = new byte[1 << 16];
            for (int i = 0; i < arrays.size(); i++) {
                Array a = arrays.get(i);
                long[] shape = new long[a.rowShape().length + 1];
                shape[0] = count;
                for (int d = 0; d < a.rowShape().length; d++) shape[d + 1] = a.rowShape()[d];
                byte[] header = new NpyHeader(a.type(), shape).bytes();
                CRC32 crc = new CRC32();
                crc.update(header);
                try (InputStream in = Files.newInputStream(temps.get(i))) {
                    for (int n; (n = in.read(buf)) > 0; ) crc.update(buf, 0, n);
                }
                ZipEntry e = new ZipEntry(a.name() + ".npy");
                long size = header.length + Files.size(temps.get(i));
                e.setMethod(ZipEntry.STORED);
                e.setSize(size);
                e.setCompressedSize(size);
                e.setCrc(crc.getValue());
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                zip.write(header);
                try (InputStream in = Files.newInputStream(temps.get(i))) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        done = true;
        close();
    }

    /** Removes the temporary files (a shard not finished is dropped whole). */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (OutputStream o : outs) {
            try {
                o.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        outs.clear();
        for (Path t : temps) Files.deleteIfExists(t);
        temps.clear();
        if (!done) Files.deleteIfExists(target.resolveSibling("." + target.getFileName() + ".partial"));
        if (first != null) throw first;
    }
}
