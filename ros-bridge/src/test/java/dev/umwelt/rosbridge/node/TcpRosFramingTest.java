package dev.umwelt.rosbridge.node;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpRosFramingTest {
    @Test
    void headerRoundTripsAndRefusesOverrunningFields() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", "/a");
        h.put("message_definition", "string data\nx=y");
        Buffer framed = TcpRosHeader.encode(h);
        assertEquals(framed.length() - 4, framed.getIntLE(0));
        assertEquals(h, TcpRosHeader.decode(framed.getBytes(4, framed.length())));
        byte[] overrun = Buffer.buffer().appendIntLE(50).appendString("topic=/x").getBytes();
        var e = assertThrows(TcpRosHeader.TcpRosException.class, () -> TcpRosHeader.decode(overrun));
        assertEquals("truncated header: field at byte 0 claims 50 bytes, 8 left", e.getMessage());
        byte[] noEquals = Buffer.buffer().appendIntLE(5).appendString("topic").getBytes();
        assertTrue(assertThrows(TcpRosHeader.TcpRosException.class, () -> TcpRosHeader.decode(noEquals)).getMessage().contains("no key=value"));
    }

    @Test
    void framesSplitAcrossChunksAndOversizedPrefixRefusedOnce() {
        List<String> frames = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        FrameReader r = new FrameReader(16, new FrameReader.Sink() {
            @Override
            public void frame(byte[] body) {
                frames.add(new String(body));
            }

            @Override
            public void refuse(String why) {
                refusals.add(why);
            }
        });
        Buffer stream = Buffer.buffer().appendIntLE(3).appendString("abc").appendIntLE(0).appendIntLE(5).appendString("hello")
                .appendIntLE(1000).appendString("zzzz");
        for (int i = 0; i < stream.length(); i++) r.feed(stream.getBuffer(i, i + 1)); // byte by byte
        assertEquals(List.of("abc", "", "hello"), frames);
        assertEquals(List.of("length prefix 1000 bytes is over the 16-byte limit"), refusals);
        r.feed(Buffer.buffer().appendIntLE(1).appendString("q"));
        assertEquals(3, frames.size(), "a refused stream delivers nothing more");
    }
}
