package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.ros1.Ros1Codecs;
import dev.umwelt.bus.sensing.LidarScan;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscriber that never reads loses its oldest messages; the other subscriber gets every one. */
class SlowSubscriberTest {
    @Test
    void slowSubscriberDoesNotStallOthers() throws Exception {
        int count = 1500;
        int beams = 1440; // 5.8 kB per scan: 8.7 MB in all, well past loopback socket buffers
        try (RosCore core = RosCore.start()) {
            Vertx vertx = Vertx.vertx();
            try {
                RosNode robot = Await.result(RosNode.start(vertx, NodeConfig.of("/robot", core.masterUri())));
                RosNode brain = Await.result(RosNode.start(vertx, NodeConfig.of("/brain", core.masterUri())));
                RosPublisher<LidarScan> scans = Await.result(robot.advertise("/scan", Ros1Codecs.forClass(LidarScan.class), false, 5));
                List<Long> stamps = new CopyOnWriteArrayList<>();
                Await.result(brain.subscribe("/scan", Ros1Codecs.forClass(LidarScan.class), 5, s -> stamps.add(s.header().stampNanos())));
                Await.until("brain connected", Duration.ofSeconds(10), () -> scans.connectionCount() == 1);

                // The slow one: handshakes, then never reads; a small receive window fills at once.
                try (Socket stuck = new Socket()) {
                    stuck.setReceiveBufferSize(4096);
                    stuck.connect(new InetSocketAddress("127.0.0.1", robot.tcpPort()));
                    Map<String, String> h = new LinkedHashMap<>();
                    h.put("callerid", "/stuck");
                    h.put("topic", "/scan");
                    h.put("md5sum", "*");
                    h.put("type", "*");
                    stuck.getOutputStream().write(TcpRosHeader.encode(h).getBytes());
                    DataInputStream in = new DataInputStream(stuck.getInputStream());
                    in.readFully(new byte[Integer.reverseBytes(in.readInt())]); // its header reply, then nothing
                    Await.until("stuck connected", Duration.ofSeconds(10), () -> scans.connectionCount() == 2);

                    float[] ranges = new float[beams];
                    Arrays.fill(ranges, 3.5f);
                    long t0 = System.nanoTime();
                    for (int i = 1; i <= count; i++) {
                        scans.publish(new LidarScan(new Header(946_684_800_000_000_000L + i, "laser"), -3.14f, 0.0044f, 0f, 0.1f,
                                0.05f, 12f, ranges, new float[0]));
                        if (i % 50 == 0) Thread.sleep(20); // ~2500 scans/s: the brain keeps up, the stuck one cannot
                    }
                    double publishMs = (System.nanoTime() - t0) / 1e6;
                    Await.until("all scans at the brain", Duration.ofSeconds(30), () -> stamps.size() == count);
                    for (int i = 0; i < count; i++) assertEquals(946_684_800_000_000_000L + i + 1, stamps.get(i), "in order, none lost");
                    assertTrue(scans.droppedCount() > 0, "the stuck subscriber's queue dropped its oldest");
                    System.out.printf("slow subscriber: %d scans of %d B published in %.0f ms; brain got %d; stuck link dropped %d%n",
                            count, 4 * beams + 60, publishMs, stamps.size(), scans.droppedCount());
                    assertEquals(2, scans.connectionCount(), "the stuck subscriber is still connected, just behind");
                }
                Await.result(robot.shutdown());
                Await.result(brain.shutdown());
            } finally {
                Await.result(vertx.close());
            }
        }
    }
}
