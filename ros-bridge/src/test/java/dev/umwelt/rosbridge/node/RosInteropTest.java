package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.ros1.StringCodec;
import dev.umwelt.bus.sensing.LidarScan;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node against Debian's real ROS 1 tools: roscore, rostopic, rosparam. */
class RosInteropTest {
    static RosCore core;
    static Vertx vertx;
    static RosNode node;

    @BeforeAll
    static void up() {
        core = RosCore.start();
        vertx = Vertx.vertx();
        node = Await.result(RosNode.start(vertx, NodeConfig.of("/umwelt_test", core.masterUri())));
    }

    @AfterAll
    static void down() {
        if (node != null) Await.result(node.shutdown());
        if (vertx != null) Await.result(vertx.close());
        if (core != null) core.close();
    }

    /** Starts {@code rostopic echo -n 1 topic}, publishes until it exits, returns its stdout. */
    private static String echoOnce(String topic, Runnable publishOnce) throws Exception {
        Path out = Files.createTempFile(core.home(), "echo", ".txt");
        Process p = core.tool("rostopic", "echo", "-n", "1", topic).redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (p.isAlive() && System.nanoTime() < deadline) {
                publishOnce.run();
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertTrue(!p.isAlive(), "rostopic echo did not get a message on " + topic + ": " + read(out));
            return read(out);
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void javaStringReachesRostopicEcho() throws Exception {
        RosPublisher<String> chatter = Await.result(node.advertise("/chatter", new StringCodec(), false, 10));
        String out = echoOnce("/chatter", () -> chatter.publish("hello from \u00e9 umwelt"));
        // rostopic's YAML escapes non-ASCII: one \xE9 proves the UTF-8 bytes decoded to one character
        assertTrue(out.contains("data: \"hello from \\xE9 umwelt\""), out);
        Await.result(chatter.close());
    }

    @Test
    void javaLaserScanReachesRostopicEchoWithFieldValues() throws Exception {
        RosPublisher<LidarScan> scan = Await.result(node.advertise("scan", Ros1Codecs.forClass(LidarScan.class), false, 5));
        assertEquals("/scan", scan.topic());
        LidarScan s = new LidarScan(new Header(946_684_800_123_000_000L, "laser"), -1.5f, 0.5f, 0f, 0.1f, 0.05f, 12f,
                new float[] {1.25f, 2.5f, Float.POSITIVE_INFINITY, 0.75f}, new float[0]);
        String out = echoOnce("/scan", () -> scan.publish(s));
        for (String field : List.of("secs: 946684800", "nsecs: 123000000", "frame_id: \"laser\"", "angle_min: -1.5",
                "angle_max: 0.0", "angle_increment: 0.5", "range_max: 12.0", "ranges: [1.25, 2.5, inf, 0.75]")) {
            assertTrue(out.contains(field), "missing '" + field + "' in:\n" + out);
        }
        Await.result(scan.close());
    }

    @Test
    void rostopicPubReachesJavaSubscriber() {
        List<String> got = new CopyOnWriteArrayList<>();
        RosSubscriber<String> sub = Await.result(node.subscribe("/instruction", new StringCodec(), 10, got::add));
        RosCore.Result r = core.run(Duration.ofSeconds(30), "rostopic", "pub", "-1", "/instruction", "std_msgs/String",
                "data: 'go to the red box'");
        assertEquals(0, r.exit(), r.err());
        Await.until("the instruction", Duration.ofSeconds(10), () -> !got.isEmpty());
        assertEquals("go to the red box", got.get(0));
        Await.result(sub.close());
    }

    @Test
    void latchedTopicReachesLateSubscribers() throws Exception {
        RosPublisher<String> room = Await.result(node.advertise("/room", new StringCodec(), true, 1));
        room.publish("kitchen");
        room.publish("hallway"); // only the last is latched
        String out = echoOnce("/room", () -> {});
        assertTrue(out.contains("data: \"hallway\""), out);
        // and a Java subscriber on another node, connecting after the publish, gets it too
        RosNode other = Await.result(RosNode.start(vertx, NodeConfig.of("/umwelt_late", core.masterUri())));
        List<String> got = new CopyOnWriteArrayList<>();
        Await.result(other.subscribe("/room", new StringCodec(), 1, got::add));
        Await.until("the latched message", Duration.ofSeconds(10), () -> !got.isEmpty());
        assertEquals(List.of("hallway"), got);
        Await.result(other.shutdown());
        Await.result(room.close());
    }

    @Test
    void parametersBothWays() {
        RosCore.Result set = core.run(Duration.ofSeconds(20), "rosparam", "set", "/umwelt/max_speed", "0.35");
        assertEquals(0, set.exit(), set.err());
        assertEquals(0.35, Await.result(node.getParam("/umwelt/max_speed")));
        core.run(Duration.ofSeconds(20), "rosparam", "set", "/umwelt/robot", "{name: turtle, wheels: 2, rooms: [kitchen, hall]}");
        assertEquals(Map.of("name", "turtle", "wheels", 2, "rooms", List.of("kitchen", "hall")), Await.result(node.getParam("/umwelt/robot")));

        Await.result(node.setParam("/umwelt/brain", "explorer"));
        Await.result(node.setParam("/umwelt/ticks", 42));
        Await.result(node.setParam("/umwelt/enabled", true));
        assertEquals("explorer", core.run(Duration.ofSeconds(20), "rosparam", "get", "/umwelt/brain").out().strip());
        assertEquals("42", core.run(Duration.ofSeconds(20), "rosparam", "get", "/umwelt/ticks").out().strip());
        assertEquals("true", core.run(Duration.ofSeconds(20), "rosparam", "get", "/umwelt/enabled").out().strip());
        assertTrue(Await.result(node.hasParam("/umwelt/ticks")));
        Await.result(node.deleteParam("/umwelt/ticks"));
        assertEquals(false, Await.result(node.hasParam("/umwelt/ticks")));

        List<Object> changes = new CopyOnWriteArrayList<>();
        Await.result(node.subscribeParam("/umwelt/mode", changes::add));
        core.run(Duration.ofSeconds(20), "rosparam", "set", "/umwelt/mode", "manual");
        Await.until("a paramUpdate", Duration.ofSeconds(10), () -> changes.contains("manual"));
    }

    @Test
    void slaveApiAnswersOverXmlRpc() throws Exception {
        RosPublisher<String> status = Await.result(node.advertise("/status", new StringCodec(), false, 10));
        Path out = Files.createTempFile(core.home(), "echo", ".txt");
        Process echo = core.tool("rostopic", "echo", "/status").redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            Await.until("rostopic echo to connect", Duration.ofSeconds(20), () -> status.connectionCount() == 1);
            List<?> info = (List<?>) RosCore.call(node.uri(), "getBusInfo", "/test");
            assertEquals(1, info.get(0));
            List<?> conns = (List<?>) info.get(2);
            List<?> mine = conns.stream().map(c -> (List<?>) c).filter(c -> "/status".equals(c.get(4))).findFirst().orElseThrow();
            assertEquals("o", mine.get(2));
            assertEquals("TCPROS", mine.get(3));
            assertTrue(String.valueOf(mine.get(1)).startsWith("/rostopic_"), "subscriber caller id: " + mine.get(1));
            assertEquals(List.of(1, "", (int) ProcessHandle.current().pid()), RosCore.call(node.uri(), "getPid", "/test"));
            assertEquals(List.of(1, "", core.masterUri().toString()), RosCore.call(node.uri(), "getMasterUri", "/test"));
            List<?> pubs = (List<?>) ((List<?>) RosCore.call(node.uri(), "getPublications", "/test")).get(2);
            assertTrue(pubs.contains(List.of("/status", "std_msgs/String")), pubs.toString());
            status.publish("ok");
            Await.until("echo output", Duration.ofSeconds(10), () -> read(out).contains("data: \"ok\""));
            List<?> stats = (List<?>) ((List<?>) RosCore.call(node.uri(), "getBusStats", "/test")).get(2);
            List<?> pubStats = ((List<?>) stats.get(0)).stream().map(s -> (List<?>) s).filter(s -> "/status".equals(s.get(0))).findFirst().orElseThrow();
            assertTrue(((Number) pubStats.get(1)).longValue() >= 4 + 4 + 2, "bytes sent: " + pubStats);
            assertEquals(-1, ((List<?>) RosCore.call(node.uri(), "requestTopic", "/test", "/nothing", List.of(List.of("TCPROS")))).get(0));
            // rosnode info goes through getBusInfo and getPid too
            RosCore.Result ri = core.run(Duration.ofSeconds(30), "rosnode", "info", "/umwelt_test");
            assertTrue(ri.out().contains("/status [std_msgs/String]"), ri.out() + ri.err());
        } finally {
            echo.destroy();
            echo.waitFor(5, TimeUnit.SECONDS);
            Await.result(status.close());
        }
    }

    @Test
    void masterApiQueries() {
        RosPublisher<String> pose = Await.result(node.advertise("/pose_text", new StringCodec(), false, 1));
        MasterClient m = node.master();
        assertEquals(node.uri().toString(), Await.result(m.lookupNode("/umwelt_test")));
        assertEquals("std_msgs/String", Await.result(m.getTopicTypes()).get("/pose_text"));
        assertEquals("std_msgs/String", Await.result(m.getPublishedTopics("")).get("/pose_text"));
        assertEquals(List.of("/umwelt_test"), Await.result(m.getSystemState()).publishers().get("/pose_text"));
        assertEquals(core.masterUri().toString(), Await.result(m.getUri()));
        Await.result(m.setParam("/umwelt/ns/depth", 3));
        Await.result(m.setParam("/search_me", 1));
        assertEquals("/search_me", Await.result(m.searchParam("search_me")));
        assertEquals(null, Await.result(m.searchParam("no_such_key_anywhere")));
        assertTrue(Await.result(m.getParamNames()).contains("/umwelt/ns/depth"));
        Throwable failure = m.lookupNode("/nobody").toCompletionStage().handle((v, e) -> e).toCompletableFuture().join();
        RosApiException unknown = assertInstanceOf(RosApiException.class, failure, () -> "lookupNode of an unknown node failed with " + failure);
        assertEquals(-1, unknown.code());
        Await.result(pose.close());
        assertEquals(List.of(), Await.result(m.getSystemState()).publishers().getOrDefault("/pose_text", List.of()));
    }

    @Test
    void rosnodeKillShutsTheNodeDown() {
        RosNode victim = Await.result(RosNode.start(vertx, NodeConfig.of("/umwelt_victim", core.masterUri())));
        Await.result(victim.advertise("/victim_out", new StringCodec(), false, 1));
        List<String> reasons = new CopyOnWriteArrayList<>();
        victim.onShutdownRequested(reasons::add);
        RosCore.Result kill = core.run(Duration.ofSeconds(30), "rosnode", "kill", "/umwelt_victim");
        assertEquals(0, kill.exit(), kill.out() + kill.err());
        Await.until("shutdown listener", Duration.ofSeconds(10), () -> !reasons.isEmpty());
        assertTrue(Await.result(node.master().getSystemState()).publishers().getOrDefault("/victim_out", List.of()).isEmpty(),
                "the killed node unregistered its publication");
    }

    @Test
    void rosbagRecordsJavaMessages() throws Exception {
        // rosbag record subscribes with md5sum "*" and stores our message_definition in the bag
        RosPublisher<String> bagged = Await.result(node.advertise("/bagged", new StringCodec(), false, 10));
        long timer = vertx.setPeriodic(50, id -> bagged.publish("bag me"));
        try {
            Path bag = core.home().resolve("java.bag");
            RosCore.Result rec = core.run(Duration.ofSeconds(40), "rosbag", "record", "--duration=3", "-O", bag.toString(), "/bagged");
            assertTrue(Files.exists(bag), "no bag: " + rec.out() + rec.err());
            RosCore.Result info = core.run(Duration.ofSeconds(30), "rosbag", "info", bag.toString());
            assertTrue(info.out().matches("(?s).*/bagged\\s+\\d+ msgs?\\s*: std_msgs/String.*"), info.out());
            RosCore.Result echo = core.run(Duration.ofSeconds(30), "rostopic", "echo", "-b", bag.toString(), "-n", "1", "/bagged");
            assertTrue(echo.out().contains("data: \"bag me\""), echo.out() + echo.err());
        } finally {
            vertx.cancelTimer(timer);
            Await.result(bagged.close());
        }
    }
}
