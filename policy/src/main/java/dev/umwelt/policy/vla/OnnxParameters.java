package dev.umwelt.policy.vla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter count of an ONNX model: the elements of its floating-point initializers (the
 * weights; int64 shape constants are not parameters), read from the protobuf directly, since ONNX
 * Runtime's Java API does not show initializers and no protobuf library is on the class path.
 * Walks ModelProto.graph (field 7) -> GraphProto.initializer (5) -> TensorProto.dims (1, packed or
 * not) and data_type (2). For {@code torch.onnx.export} output it equals PyTorch's
 * {@code sum(p.numel() for p in net.parameters())} (the tiny test model: 113991 both ways).
 */
public final class OnnxParameters {
    private static final int FLOAT = 1, FLOAT16 = 10, DOUBLE = 11, BFLOAT16 = 16;

    private OnnxParameters() {}

    public static long count(Path onnx) {
        byte[] b;
        try {
            b = Files.readAllBytes(onnx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + onnx, e);
        }
        try {
            long total = 0;
            for (Field graph : fields(b, 0, b.length)) {
                if (graph.number != 7 || graph.wire != 2) continue;
                for (Field init : fields(b, graph.start, graph.end)) {
                    if (init.number == 5 && init.wire == 2) total += tensorElements(b, init.start, init.end);
                }
            }
            return total;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(onnx + " is not a readable ONNX protobuf: " + e.getMessage(), e);
        }
    }

    private static long tensorElements(byte[] b, int from, int to) {
        long elements = 1;
        int type = 0;
        for (Field f : fields(b, from, to)) {
            if (f.number == 2 && f.wire == 0) type = (int) f.value;
            if (f.number == 1 && f.wire == 0) elements *= f.value;
            if (f.number == 1 && f.wire == 2) {
                for (int[] p = {f.start}; p[0] < f.end; ) elements *= varint(b, p);
            }
        }
        return type == FLOAT || type == FLOAT16 || type == DOUBLE || type == BFLOAT16 ? elements : 0;
    }

    /** One protobuf field: varints carry {@code value}; length-delimited ones span [start, end). */
    private record Field(int number, int wire, long value, int start, int end) {}

    private static List<Field> fields(byte[] b, int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] p = {from};
        while (p[0] < to) {
            long key = varint(b, p);
            int number = (int) (key >>> 3), wire = (int) (key & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, wire, varint(b, p), 0, 0));
                case 1 -> p[0] += 8;
                case 5 -> p[0] += 4;
                case 2 -> {
                    long n = varint(b, p);
                    if (n < 0 || p[0] + n > to) throw new IllegalArgumentException("field " + number + " runs past its message");
                    out.add(new Field(number, wire, 0, p[0], p[0] + (int) n));
                    p[0] += (int) n;
                }
                default -> throw new IllegalArgumentException("wire type " + wire + " at byte " + p[0]);
            }
        }
        return out;
    }

    private static long varint(byte[] b, int[] p) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[p[0]++];
            v |= (long) (x & 0x7f) << shift;
            if (x >= 0) return v;
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }
}
