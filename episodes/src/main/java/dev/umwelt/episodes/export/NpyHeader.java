package dev.umwelt.episodes.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The .npy format's header, version 1.0: magic, header length, the dict, space-padded to a 64-byte boundary. */
record NpyHeader(NpyType type, long[] shape) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), *\\}\\s*");

    byte[] bytes() {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) dims.append(d).append(", ");
        String s = dims.toString();
        if (shape.length > 1) s = s.substring(0, s.length() - 2); // (N,) for one dimension, (N, H, W) otherwise
        else s = s.strip();
        String dict = "{'descr': '" + type.descr + "', 'fortran_order': False, 'shape': (" + s + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String padded = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded.length()).put(padded.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    long elements() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Parses the header at the start of {@code in}, leaving {@code in} at the data; {@code what} names the array in errors. */
    static NpyHeader read(ByteBuffer in, String what) {
        byte[] magic = new byte[MAGIC.length];
        if (in.remaining() < 10) throw new IllegalArgumentException(what + ": too short for a .npy header");
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new IllegalArgumentException(what + ": not a .npy array (wrong magic)");
        int major = in.get(), minor = in.get();
        int length = major == 1 ? Short.toUnsignedInt(in.order(ByteOrder.LITTLE_ENDIAN).getShort()) : in.getInt();
        if (length > in.remaining()) throw new IllegalArgumentException(what + ": header length " + length + " past the end");
        byte[] dict = new byte[length];
        in.get(dict);
        Matcher m = DICT.matcher(new String(dict, StandardCharsets.US_ASCII));
        if (!m.matches()) throw new IllegalArgumentException(what + ": unreadable .npy header (version " + major + "." + minor + ")");
        if (m.group(2).equals("True")) throw new IllegalArgumentException(what + ": fortran_order arrays are not part of this format");
        long[] shape = Arrays.stream(m.group(3).split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        return new NpyHeader(NpyType.ofDescr(m.group(1)), shape);
    }
}
