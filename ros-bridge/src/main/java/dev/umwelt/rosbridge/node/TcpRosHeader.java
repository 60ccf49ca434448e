package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TCPROS connection header: a uint32 total length, then fields, each a uint32 length and
 * {@code key=value} bytes (little-endian, UTF-8).
 */
final class TcpRosHeader {
    private TcpRosHeader() {}

    /** The framed header (with its total-length prefix), ready to write. */
    static Buffer encode(Map<String, String> fields) {
        Buffer body = Buffer.buffer(256);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            byte[] f = (e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8);
            body.appendIntLE(f.length).appendBytes(f);
        }
        return Buffer.buffer(body.length() + 4).appendIntLE(body.length()).appendBuffer(body);
    }

    /** Decodes a header body (without its total length); a field running past the end or without '=' is refused. */
    static Map<String, String> decode(byte[] b) {
        Map<String, String> out = new LinkedHashMap<>();
        int p = 0;
        while (p < b.length) {
            if (b.length - p < 4) throw new TcpRosException("truncated header: " + (b.length - p) + " stray bytes at byte " + p);
            long n = (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
            p += 4;
            if (n > b.length - p) {
                throw new TcpRosException("truncated header: field at byte " + (p - 4) + " claims " + n + " bytes, " + (b.length - p) + " left");
            }
            String field = new String(b, p, (int) n, StandardCharsets.UTF_8);
            p += (int) n;
            int eq = field.indexOf('=');
            if (eq <= 0) throw new TcpRosException("malformed header field '" + abbreviate(field) + "' (no key=value)");
            out.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** A protocol violation on one connection; the connection is closed, the node goes on. */
    static final class TcpRosException extends RuntimeException {
        TcpRosException(String message) {
            super(message);
        }
    }
}
