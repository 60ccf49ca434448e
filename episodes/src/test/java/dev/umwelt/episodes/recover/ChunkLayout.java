package dev.umwelt.episodes.recover;

import com.github.luben.zstd.Zstd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The test's own reading of an MCAP file, independent of the project's readers: the top-level
 * records of an intact file (offset, opcode, length), its chunks with the identity of every message
 * in them, and whether a chunk at some offset of a damaged file still decompresses to records whose
 * CRC holds. Only what the fixture writes is supported (zstd chunks).
 */
final class ChunkLayout {
    record TopRecord(long offset, int opcode, long length) {
        long end() {
            return offset + 9 + length;
        }
    }

    record ChunkSpan(long start, long end, long[] messageKeys) {}

    final List<TopRecord> records = new ArrayList<>();
    final List<ChunkSpan> chunks = new ArrayList<>();

    ChunkLayout(byte[] file) {
        for (int p = 8; p + 9 <= file.length - 8; ) {
            TopRecord r = new TopRecord(p, file[p] & 0xFF, u64(file, p + 1));
            records.add(r);
            if (r.opcode() == 0x06) {
                byte[] inner = chunkRecords(file, p);
                if (inner == null) throw new IllegalStateException("the intact file's chunk at " + p + " does not read");
                chunks.add(new ChunkSpan(p, r.end(), messageKeys(inner)));
            }
            if (r.opcode() == 0x02) break;
            p = (int) r.end();
        }
    }

    long messages() {
        return chunks.stream().mapToLong(c -> c.messageKeys().length).sum();
    }

    /**
     * The decompressed records of the chunk whose opcode byte is at {@code at}, read by its own
     * fields (its length prefix is not needed), or null unless they decompress to uncompressed_size
     * bytes whose CRC-32 is the stored, non-zero one.
     */
    static byte[] chunkRecords(byte[] f, long at) {
        if (at < 0 || at + 9 + 32 > f.length || f[(int) at] != 0x06) return null;
        int p = (int) at + 9;
        long size = u64(f, p + 16), crc = u32(f, p + 24), nameLength = u32(f, p + 28);
        if (nameLength > 16 || p + 32 + nameLength + 8 > f.length) return null;
        String compression = new String(f, p + 32, (int) nameLength, StandardCharsets.UTF_8);
        int q = p + 32 + (int) nameLength;
        long stored = u64(f, q);
        if (stored <= 0 || q + 8 + stored > f.length || !compression.equals("zstd")) return null;
        byte[] src = Arrays.copyOfRange(f, q + 8, q + 8 + (int) stored);
        long frame = Zstd.getFrameContentSize(src, 0, src.length);
        if (frame != size || size > (64 << 20)) return null;
        byte[] out = new byte[(int) size];
        try {
            long n = Zstd.decompressByteArray(out, 0, out.length, src, 0, src.length);
            if (Zstd.isError(n) || n != size) return null;
        } catch (RuntimeException corrupt) { // zstd-jni throws ZstdException for corrupt data
            return null;
        }
        CRC32 c = new CRC32();
        c.update(out);
        return crc != 0 && c.getValue() == crc ? out : null;
    }

    /** One key per Message record among {@code records}: channel, sequence, log time and data, mixed. */
    static long[] messageKeys(byte[] records) {
        List<Long> keys = new ArrayList<>();
        for (int p = 0; p + 9 <= records.length; ) {
            long length = u64(records, p + 1);
            if (records[p] == 0x05) {
                int b = p + 9;
                keys.add(key((records[b] & 0xFF) | (records[b + 1] & 0xFF) << 8, u32(records, b + 2), u64(records, b + 6),
                        Arrays.copyOfRange(records, b + 22, (int) (b + length))));
            }
            p += 9 + (int) length;
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    static long key(int channel, long sequence, long logTime, byte[] data) {
        long h = channel * 0x9E3779B97F4A7C15L ^ sequence * 0xC2B2AE3D27D4EB4FL ^ logTime * 0x165667B19E3779F9L;
        return h ^ Arrays.hashCode(data) * 0x27D4EB2F165667C5L;
    }

    static long u64(byte[] b, long at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[(int) at + i] & 0xFFL);
        return v;
    }

    static long u32(byte[] b, long at) {
        long v = 0;
        for (int i = 3; i >= 0; i--) v = v << 8 | (b[(int) at + i] & 0xFFL);
        return v;
    }
}
