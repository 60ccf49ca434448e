package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.StringCodec;
import dev.umwelt.rosbridge.node.xmlrpc.XmlRpcServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NodeLimits} against raw sockets, with small limits so that it runs in seconds: the
 * connection caps, the header (request) timeout, the header size and the XML-RPC body budget each
 * close the offending connections, are logged once per kind and then summed up (a short refusal
 * log period), and the node's normal subscriber keeps receiving.
 */
class ConnectionLimitsTest {
    static final int TCPROS_CAP = 8;
    static final int XMLRPC_CAP = 4;
    static final Duration TIMEOUT = Duration.ofMillis(1000);
    static final Duration LOG_PERIOD = Duration.ofSeconds(3); // above the silent publisher's 2 s retry cycle
    static final int XMLRPC_BODY = 4096;

    static RosCore core;
    static Vertx vertx;
    static int round;
    RosNode talker;
    RosNode listener;
    RosPublisher<String> chatter;
    final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() {
        core = RosCore.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void down() {
        if (vertx != null) Await.result(vertx.close());
        if (core != null) core.close();
    }

    /** A fresh pair per test: refusals of one test must not fall into another's log period. */
    @BeforeEach
    void nodes() {
        round++;
        NodeLimits limits = new NodeLimits(TIMEOUT, 64 << 10, TCPROS_CAP, XMLRPC_CAP, LOG_PERIOD);
        NodeConfig small = NodeConfig.of("/limited" + round, core.masterUri()).withLimits(limits);
        talker = Await.result(RosNode.start(vertx, new NodeConfig(small.name(), small.masterUri(), small.host(),
                small.masterCheckPeriod(), small.maxMessageBytes(), XMLRPC_BODY, small.callTimeout(), limits)));
        listener = Await.result(RosNode.start(vertx, NodeConfig.of("/listener" + round, core.masterUri())));
        chatter = Await.result(talker.advertise("/chatter" + round, new StringCodec(), false, 10));
        Await.result(listener.subscribe("/chatter" + round, new StringCodec(), 10, heard::add));
        Await.until("listener connected", Duration.ofSeconds(10), () -> chatter.connectionCount() == 1);
    }

    @AfterEach
    void shutdown() {
        if (talker != null) Await.result(talker.shutdown());
        if (listener != null) Await.result(listener.shutdown());
    }

    private void stillServing(String after) {
        String text = "still here after " + after;
        Await.until("a message after " + after, Duration.ofSeconds(10), () -> {
            chatter.publish(text);
            return heard.contains(text);
        });
        assertEquals(1, chatter.connectionCount(), "the normal subscriber stayed connected after " + after);
    }

    /** True when the server closed the socket (EOF or reset) within 10 s. */
    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        InputStream in = s.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) more refused like it in the last ");

    /** Refusals the log accounts for among lines containing {@code text}: 1 per line, N per summary line. */
    private static int accountedFor(LogCapture log, String text) {
        int n = 0;
        for (String line : log.warnings(text)) {
            Matcher m = SUMMARY.matcher(line);
            n += m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        return n;
    }

    private static int firstLines(LogCapture log, String text) {
        return (int) log.warnings(text).stream().filter(l -> !SUMMARY.matcher(l).find()).count();
    }

    /** Opens {@code n} connections to {@code port}, every other one sending {@code partial}; all must be closed by the node. */
    private static void openAndAwaitClosed(int port, int n, byte[] partial) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket("127.0.0.1", port);
                sockets.add(s);
                if (i % 2 == 0) s.getOutputStream().write(partial);
            }
            for (Socket s : sockets) assertTrue(closedByServer(s), "every idle connection is closed by the node");
        } finally {
            for (Socket s : sockets) s.close();
        }
    }

    /**
     * All {@code opened} refusals are accounted for by the two kinds, each with one first line at
     * once and at most one summary (the rest summed up when the log period ends).
     */
    private static void eachKindLoggedOnce(LogCapture log, int opened, String cap, String timeout, String what) {
        Await.until("every refusal accounted for", LOG_PERIOD.multipliedBy(3),
                () -> accountedFor(log, cap) + accountedFor(log, timeout) == opened);
        System.out.printf("%s: %d connections: %d refused at the cap, %d closed at the deadline; log lines: %s%n", what, opened,
                accountedFor(log, cap), accountedFor(log, timeout), log.warnings());
        assertEquals(1, firstLines(log, cap), log.warnings().toString());
        assertEquals(1, firstLines(log, timeout), log.warnings().toString());
        assertTrue(log.warnings().size() <= 4, "one line and one summary per kind: " + log.warnings());
    }

    @Test
    void tcprosConnectionsOverTheCapOrSilentPastTheTimeoutAreClosedAndLoggedOnce() throws Exception {
        int opened = 20;
        try (LogCapture log = new LogCapture()) {
            // half send a partial header (2000 bytes announced, 100 sent), half nothing
            openAndAwaitClosed(talker.tcpPort(), opened, Buffer.buffer().appendIntLE(2000).appendBytes(new byte[100]).getBytes());
            String cap = "the limit is " + TCPROS_CAP;
            eachKindLoggedOnce(log, opened, cap, "no complete connection header within " + TIMEOUT.toMillis() + " ms", "TCPROS");
            assertTrue(accountedFor(log, cap) >= opened - (TCPROS_CAP - 1), "at most the free slots were taken: " + log.warnings());
        }
        Await.until("only the subscriber left", Duration.ofSeconds(5), () -> talker.openTcpRosConnections() == 1);
        stillServing("20 idle connections");
    }

    @Test
    void aHeaderOverTheSizeLimitIsRefusedBeforeItArrives() throws Exception {
        try (LogCapture log = new LogCapture(); Socket s = new Socket("127.0.0.1", talker.tcpPort())) {
            s.getOutputStream().write(Buffer.buffer().appendIntLE((64 << 10) + 1).appendBytes(new byte[1000]).getBytes());
            assertTrue(closedByServer(s));
            Await.until("log line", Duration.ofSeconds(5), () -> log.warnings("over the 65536-byte limit").size() == 1);
        }
        stillServing("an oversized header");
    }

    @Test
    void xmlRpcConnectionsOverTheCapOrWithoutAWholeRequestAreClosedAndLoggedOnce() throws Exception {
        int opened = 10;
        try (LogCapture log = new LogCapture()) {
            // half send a request cut off inside its body, half nothing
            openAndAwaitClosed(talker.uri().getPort(), opened,
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n<methodCall>".getBytes(StandardCharsets.US_ASCII));
            eachKindLoggedOnce(log, opened, "the limit is " + XMLRPC_CAP, "no whole request within " + TIMEOUT.toMillis() + " ms", "XML-RPC");
        }
        assertEquals(1, ((List<?>) RosCore.call(talker.uri(), "getPid", "/test")).get(0), "the slave API still answers");
        stillServing("stalled XML-RPC connections");
    }

    @Test
    void xmlRpcBodiesBeingReceivedTogetherAreBoundedToTwiceOneBody() throws Exception {
        // Each body is under the 4096-byte cap, but three held at once are over the 8192 bytes of the budget.
        try (LogCapture log = new LogCapture()) {
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket("127.0.0.1", talker.uri().getPort());
                    s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4000\r\n\r\n" + "x".repeat(3500))
                            .getBytes(StandardCharsets.US_ASCII));
                    sockets.add(s);
                    Thread.sleep(50);
                }
                Await.until("a busy refusal", Duration.ofSeconds(5), () -> log.warnings("requests being received hold over 8192 bytes").size() == 1);
            } finally {
                for (Socket s : sockets) s.close();
            }
        }
        assertEquals(1, ((List<?>) RosCore.call(talker.uri(), "getPid", "/test")).get(0), "the budget is given back");
    }

    @Test
    void aPublisherSilentAfterConnectingIsLeftAfterTheTimeoutAndLoggedOnceAcrossRetries() throws Exception {
        // A fake publisher: answers requestTopic, accepts the TCP connection, never sends its header.
        AtomicInteger connections = new AtomicInteger();
        NetServer silent = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0));
        silent.connectHandler(sock -> connections.incrementAndGet());
        Await.result(silent.listen());
        XmlRpcServer rpc = Await.result(XmlRpcServer.start(vertx, "127.0.0.1", 1 << 16,
                call -> Future.succeededFuture(List.of(1, "", List.of("TCPROS", "127.0.0.1", silent.actualPort())))));
        String mute = "http://127.0.0.1:" + rpc.port() + "/";
        try (LogCapture log = new LogCapture()) {
            Await.result(talker.subscribe("/mute", new StringCodec(), 1, m -> {}));
            assertEquals(List.of(1, "", 0), RosCore.call(talker.uri(), "publisherUpdate", "/master", "/mute", List.of(mute)));
            // timeout 1 s, retry after 1 s: a second attempt starts within ~2 s, its failure is counted, not logged
            Await.until("a retry after the timeout", Duration.ofSeconds(10), () -> connections.get() >= 3);
            String line = "no connection header within " + TIMEOUT.toMillis() + " ms";
            System.out.println("silent publisher: " + connections.get() + " attempts; log: " + log.warnings());
            assertEquals(1, firstLines(log, line), log.warnings().toString());
            assertTrue(log.warnings().stream().allMatch(l -> l.contains(line)), "nothing else logged: " + log.warnings());
        } finally {
            Await.result(rpc.close());
            Await.result(silent.close());
        }
        stillServing("a silent publisher");
    }
}
