package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.StringCodec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Java -> Java echo over TCPROS through a real master; prints round-trip figures (asserts only correctness). */
class RoundTripTest {
    @Test
    void pingPongRoundTrips() throws Exception {
        try (RosCore core = RosCore.start()) {
            Vertx vertx = Vertx.vertx();
            try {
                RosNode a = Await.result(RosNode.start(vertx, NodeConfig.of("/ping_node", core.masterUri())));
                RosNode b = Await.result(RosNode.start(vertx, NodeConfig.of("/pong_node", core.masterUri())));
                RosPublisher<String> ping = Await.result(a.advertise("/ping", new StringCodec(), false, 10));
                RosPublisher<String> pong = Await.result(b.advertise("/pong", new StringCodec(), false, 10));
                Await.result(b.subscribe("/ping", new StringCodec(), 10, pong::publish));
                BlockingQueue<String> back = new LinkedBlockingQueue<>();
                Await.result(a.subscribe("/pong", new StringCodec(), 10, back::add));
                Await.until("both links", Duration.ofSeconds(10), () -> ping.connectionCount() == 1 && pong.connectionCount() == 1);

                int warm = 2000, n = 2000;
                long[] rtt = new long[n];
                for (int i = 0; i < warm + n; i++) {
                    String id = "p" + i;
                    long t0 = System.nanoTime();
                    ping.publish(id);
                    String r = back.poll(5, TimeUnit.SECONDS);
                    assertNotNull(r, "echo " + i + " lost");
                    assertEquals(id, r);
                    if (i >= warm) rtt[i - warm] = System.nanoTime() - t0;
                }
                Arrays.sort(rtt);
                System.out.printf("TCPROS Java->Java->Java round trip (std_msgs/String, via event loops): n=%d median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                        n, rtt[n / 2] / 1e6, rtt[n * 9 / 10] / 1e6, rtt[n * 99 / 100] / 1e6, rtt[n - 1] / 1e6);
                Await.result(a.shutdown());
                Await.result(b.shutdown());
            } finally {
                Await.result(vertx.close());
            }
        }
    }
}
