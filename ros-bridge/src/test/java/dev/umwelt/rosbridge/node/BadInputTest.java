package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.StringCodec;
import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input on every edge (XML-RPC, TCPROS header and frames, both directions) costs one
 * log line and that request or connection; afterwards a normal subscriber still gets messages.
 */
class BadInputTest {
    static RosCore core;
    static Vertx vertx;
    static RosNode talker;
    static RosNode listener;
    static RosPublisher<String> chatter;
    static final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() {
        core = RosCore.start();
        vertx = Vertx.vertx();
        talker = Await.result(RosNode.start(vertx, NodeConfig.of("/talker", core.masterUri())));
        listener = Await.result(RosNode.start(vertx, NodeConfig.of("/listener", core.masterUri()).withMaxMessageBytes(1 << 20)));
        chatter = Await.result(talker.advertise("/chatter", new StringCodec(), false, 10));
        Await.result(listener.subscribe("/chatter", new StringCodec(), 10, heard::add));
        Await.until("listener connected", Duration.ofSeconds(10), () -> chatter.connectionCount() == 1);
    }

    @AfterAll
    static void down() {
        if (talker != null) Await.result(talker.shutdown());
        if (listener != null) Await.result(listener.shutdown());
        if (vertx != null) Await.result(vertx.close());
        if (core != null) core.close();
    }

    /** The normal path still works: a fresh message reaches the normal subscriber. */
    private static void stillServing(String after) {
        String text = "still here after " + after;
        Await.until("a message after " + after, Duration.ofSeconds(10), () -> {
            chatter.publish(text);
            return heard.contains(text);
        });
        assertEquals(1, chatter.connectionCount(), "the normal subscriber stayed connected after " + after);
    }

    private static byte[] header(Map<String, String> fields) {
        return TcpRosHeader.encode(fields).getBytes();
    }

    private static Map<String, String> subscriberHeader(String md5) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("callerid", "/intruder");
        h.put("topic", "/chatter");
        h.put("md5sum", md5);
        h.put("type", "std_msgs/String");
        return h;
    }

    @Test
    void wrongMd5sumGetsAnErrorHeaderAndClose() throws IOException {
        try (LogCapture log = new LogCapture(); Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(header(subscriberHeader("0123456789abcdef0123456789abcdef")));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = new byte[Integer.reverseBytes(in.readInt())];
            in.readFully(reply);
            String error = TcpRosHeader.decode(reply).get("error");
            assertTrue(error != null && error.startsWith("md5sum mismatch on /chatter"), "error header: " + error);
            assertEquals(-1, in.read(), "closed after the error header");
            Await.until("one log line", Duration.ofSeconds(5), () -> log.warnings("md5sum mismatch").size() == 1);
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        }
        stillServing("a wrong md5sum");
    }

    @Test
    void starMd5sumAndRightTypeAreAccepted() throws IOException {
        try (Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(header(subscriberHeader("*")));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = new byte[Integer.reverseBytes(in.readInt())];
            in.readFully(reply);
            Map<String, String> h = TcpRosHeader.decode(reply);
            assertEquals(new StringCodec().md5(), h.get("md5sum"));
            assertEquals("string data\n", h.get("message_definition"));
            assertEquals("/talker", h.get("callerid"));
        }
    }

    @Test
    void truncatedHeadersAreRefused() throws Exception {
        try (LogCapture log = new LogCapture()) {
            // a field claiming more bytes than the header holds
            try (Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
                s.setSoTimeout(5000);
                byte[] field = "topic=/chatter".getBytes(StandardCharsets.UTF_8);
                s.getOutputStream().write(Buffer.buffer().appendIntLE(4 + field.length).appendIntLE(500).appendBytes(field).getBytes());
                assertEquals(-1, s.getInputStream().read(), "closed");
            }
            Await.until("log line", Duration.ofSeconds(5), () -> log.warnings("claims 500 bytes").size() == 1);
            // a header cut off by the peer closing
            try (Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
                s.getOutputStream().write(Buffer.buffer().appendIntLE(200).appendIntLE(20).appendString("callerid=/x").getBytes());
            }
            Await.until("log line", Duration.ofSeconds(5), () -> log.warnings("truncated header").size() == 2);
            // a header over the size limit
            try (Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(Buffer.buffer().appendIntLE(Integer.MAX_VALUE).getBytes());
                assertEquals(-1, s.getInputStream().read(), "closed");
            }
            Await.until("log line", Duration.ofSeconds(5), () -> log.warnings("over the").size() == 1);
            Thread.sleep(200);
            assertEquals(3, log.warnings().size(), log.warnings().toString());
        }
        stillServing("truncated headers");
    }

    @Test
    void garbageXmlRpcGetsAFault() {
        try (LogCapture log = new LogCapture()) {
            String reply = RosCore.post(listener.uri(), "<methodCall><methodName>getPid</methodName><params><param><value><int>x"
                    .getBytes(StandardCharsets.UTF_8));
            assertTrue(reply.contains("<fault>") && reply.contains("malformed request"), reply);
            String xxe = RosCore.post(listener.uri(), ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<methodCall><methodName>&e;</methodName></methodCall>").getBytes(StandardCharsets.UTF_8));
            assertTrue(xxe.contains("DOCTYPE and DTDs are not accepted") && !xxe.contains("root:"), xxe);
            String huge = RosCore.post(listener.uri(), new byte[NodeConfig.DEFAULT_MAX_XMLRPC_BYTES + 1]);
            assertTrue(huge.contains("over the"), huge);
            // Malformed and DOCTYPE are one kind of refusal: the second is counted, not logged (RefusalLog).
            Await.until("two log lines", Duration.ofSeconds(5), () -> log.warnings("XML-RPC: refused").size() == 2);
            assertEquals(0, log.warnings("DOCTYPE").size(), "held back as a second malformed request: " + log.warnings());
            assertEquals(1, log.warnings("over the").size(), log.warnings().toString());
            assertEquals(2, log.warnings().size(), log.warnings().toString());
            assertEquals(List.of(1, "", (int) ProcessHandle.current().pid()), RosCore.call(listener.uri(), "getPid", "/test"));
        }
        stillServing("garbage XML-RPC");
    }

    @Test
    void oversizedLengthPrefixFromAPublisherIsRefused() throws Exception {
        // A fake publisher: answers requestTopic, sends a valid header, then a 2 GiB length prefix.
        NetServer tcp = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
        tcp.connectHandler(sock -> sock.handler(any -> {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("callerid", "/liar");
            h.put("md5sum", new StringCodec().md5());
            h.put("type", "std_msgs/String");
            sock.write(TcpRosHeader.encode(h));
            sock.write(Buffer.buffer().appendIntLE(0x7fff_fff0).appendString("xxxx"));
        }));
        Await.result(tcp.listen());
        XmlRpcServer rpc = Await.result(XmlRpcServer.start(vertx, "127.0.0.1", 1 << 16,
                call -> Future.succeededFuture(List.of(1, "", List.of("TCPROS", "127.0.0.1", tcp.actualPort())))));
        String liar = "http://127.0.0.1:" + rpc.port() + "/";
        try (LogCapture log = new LogCapture()) {
            Object ok = RosCore.call(listener.uri(), "publisherUpdate", "/master", "/chatter", List.of(talker.uri().toString(), liar));
            assertEquals(List.of(1, "", 0), ok);
            Await.until("log line", Duration.ofSeconds(5), () -> log.warnings("length prefix 2147483632 bytes is over the 1048576-byte limit").size() == 1);
            Thread.sleep(200);
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        } finally {
            Await.result(rpc.close());
            Await.result(tcp.close());
        }
        stillServing("an oversized length prefix");
    }
}
