package dev.umwelt.episodes.recover;

import dev.umwelt.episodes.recover.ChunkLayout.ChunkSpan;
import dev.umwelt.episodes.recover.ChunkLayout.TopRecord;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One seeded way of damaging a file: cut it, flip a bit, zero or overwrite a range with garbage,
 * insert garbage, or forge a length (a record's length prefix, a chunk's size and CRC fields, a
 * string or map length inside a record). {@link #moved} says where an original byte ended up.
 */
record Corruption(Kind kind, long at, byte[] bytes, String what) {
    enum Kind { TRUNCATION, BIT_FLIP, ZEROED_RANGE, GARBAGE_OVERWRITE, GARBAGE_INSERT, FORGED_RECORD_LENGTH,
        FORGED_CHUNK_FIELD, FORGED_FIELD_LENGTH }

    /** The damaged copy of {@code original}. */
    byte[] apply(byte[] original) {
        switch (kind) {
            case TRUNCATION:
                return Arrays.copyOf(original, (int) at);
            case GARBAGE_INSERT: {
                byte[] out = new byte[original.length + bytes.length];
                System.arraycopy(original, 0, out, 0, (int) at);
                System.arraycopy(bytes, 0, out, (int) at, bytes.length);
                System.arraycopy(original, (int) at, out, (int) at + bytes.length, original.length - (int) at);
                return out;
            }
            default: {
                byte[] out = original.clone();
                int n = (int) Math.min(bytes.length, original.length - at);
                if (kind == Kind.BIT_FLIP) out[(int) at] ^= bytes[0];
                else System.arraycopy(bytes, 0, out, (int) at, n);
                return out;
            }
        }
    }

    /** Where byte {@code offset} of the original sits in the damaged file (it may lie past a cut). */
    long moved(long offset) {
        return kind == Kind.GARBAGE_INSERT && offset >= at ? offset + bytes.length : offset;
    }

    static final Kind[] PLAN = {Kind.TRUNCATION, Kind.TRUNCATION, Kind.BIT_FLIP, Kind.BIT_FLIP, Kind.BIT_FLIP,
        Kind.BIT_FLIP, Kind.BIT_FLIP, Kind.ZEROED_RANGE, Kind.ZEROED_RANGE, Kind.GARBAGE_OVERWRITE,
        Kind.GARBAGE_OVERWRITE, Kind.GARBAGE_INSERT, Kind.GARBAGE_INSERT, Kind.FORGED_RECORD_LENGTH,
        Kind.FORGED_RECORD_LENGTH, Kind.FORGED_RECORD_LENGTH, Kind.FORGED_CHUNK_FIELD, Kind.FORGED_CHUNK_FIELD,
        Kind.FORGED_CHUNK_FIELD, Kind.FORGED_FIELD_LENGTH};

    /** Corruption {@code i} of the series: its kind from {@link #PLAN}, everything else from {@code rnd}. */
    static Corruption draw(int i, Random rnd, byte[] file, ChunkLayout layout) {
        Kind kind = PLAN[i % PLAN.length];
        int size = file.length;
        // A quarter of the damage lands in the first chunk: it holds every schema and channel.
        ChunkSpan first = layout.chunks.get(0);
        long at = rnd.nextInt(4) == 0 ? first.start() + rnd.nextInt((int) (first.end() - first.start())) : rnd.nextInt(size);
        int length = 1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 4096);
        switch (kind) {
            case TRUNCATION:
                return new Corruption(kind, at, new byte[0], "cut at " + at);
            case BIT_FLIP: {
                int bit = rnd.nextInt(8);
                return new Corruption(kind, at, new byte[] {(byte) (1 << bit)}, "bit " + bit + " of byte " + at);
            }
            case ZEROED_RANGE:
                return new Corruption(kind, at, new byte[(int) Math.min(length, size - at)], length + " bytes zeroed at " + at);
            case GARBAGE_OVERWRITE:
            case GARBAGE_INSERT: {
                byte[] g = new byte[kind == Kind.GARBAGE_OVERWRITE ? (int) Math.min(length, size - at) : length];
                rnd.nextBytes(g);
                return new Corruption(kind, at, g, g.length + " garbage bytes " + (kind == Kind.GARBAGE_INSERT ? "inserted" : "written") + " at " + at);
            }
            case FORGED_RECORD_LENGTH: {
                TopRecord r = layout.records.get(rnd.nextInt(layout.records.size()));
                if (rnd.nextInt(3) == 0) r = record(layout, first.start());
                return forged(kind, r.offset() + 1, 8, forgedValue(rnd, r.length(), size),
                        "length of the opcode-" + r.opcode() + " record at " + r.offset());
            }
            case FORGED_CHUNK_FIELD: {
                ChunkSpan c = rnd.nextInt(3) == 0 ? first : layout.chunks.get(rnd.nextInt(layout.chunks.size()));
                long p = c.start() + 9;
                long nameLength = ChunkLayout.u32(file, p + 28);
                long[][] fields = { // offset, width
                    {p, 8}, {p + 16, 8}, {p + 24, 4}, {p + 28, 4}, {p + 32 + nameLength, 8}};
                String[] names = {"message_start_time", "uncompressed_size", "uncompressed_crc", "compression length", "compressed_size"};
                int f = rnd.nextInt(fields.length);
                if (f != 0 && rnd.nextInt(4) == 0) f = 1; // the forged uncompressed_size, more often
                long real = fields[f][1] == 8 ? ChunkLayout.u64(file, fields[f][0]) : ChunkLayout.u32(file, fields[f][0]);
                long value = f == 1 && rnd.nextBoolean() ? 0x7FFFFFEFL : forgedValue(rnd, real, size);
                return forged(kind, fields[f][0], (int) fields[f][1], value, names[f] + " of the chunk at " + c.start());
            }
            default: {
                // A string or map length inside a record: Header, Metadata, or the summary's Schema/Channel/indexes.
                List<TopRecord> candidates = layout.records.stream()
                        .filter(r -> r.opcode() == 0x01 || r.opcode() == 0x0C || r.opcode() == 0x03 || r.opcode() == 0x04
                                || r.opcode() == 0x07 || r.opcode() == 0x08).toList();
                TopRecord r = candidates.get(rnd.nextInt(candidates.size()));
                long field = r.offset() + 9 + switch (r.opcode()) {
                    case 0x03, 0x07 -> 2;
                    case 0x04 -> 4;
                    case 0x08 -> 32;
                    default -> 0;
                };
                long real = ChunkLayout.u32(file, field);
                return forged(kind, field, 4, forgedValue(rnd, real, size), "a length field of the opcode-" + r.opcode()
                        + " record at " + r.offset());
            }
        }
    }

    private static TopRecord record(ChunkLayout layout, long offset) {
        return layout.records.stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
    }

    /** A length an attacker or a bad disk would write: huge, the 0x7FFFFFEF, zero, near the real one, random. */
    private static long forgedValue(Random rnd, long real, int fileSize) {
        return switch (rnd.nextInt(7)) {
            case 0 -> 0x7FFFFFEFL;
            case 1 -> rnd.nextLong();
            case 2 -> 0;
            case 3 -> real + 1 + rnd.nextInt(64);
            case 4 -> Math.max(0, real - 1 - rnd.nextInt(64));
            case 5 -> rnd.nextInt(2 * fileSize);
            default -> real ^ (1L << rnd.nextInt(40));
        };
    }

    private static Corruption forged(Kind kind, long at, int width, long value, String what) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) b[i] = (byte) (value >>> (8 * i));
        return new Corruption(kind, at, b, what + " forged to " + Long.toUnsignedString(width == 4 ? value & 0xFFFFFFFFL : value));
    }
}
