package dev.umwelt.agent.ros;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.ros1.LaserScanCodec;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.rosbridge.node.NodeConfig;
import dev.umwelt.rosbridge.node.RosNode;
import dev.umwelt.rosbridge.node.RosPublisher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./umwelt bench ros}: 360-beam LaserScan messages per second and round-trip latency
 * (ping -> echo node -> pong) through the bridge's TCPROS, beside rospy doing the same on the
 * same machine in the same run ({@code tools/ros/bench_rospy.py}, Debian's python3). It starts
 * its own roscore on a free port in a temp ROS_HOME and stops it after.
 */
public final class RosBenchmark {
    private RosBenchmark() {}

    public static void run(Path home, double seconds, int roundTrips, PrintWriter out) throws Exception {
        Path rosHome = Files.createTempDirectory("umwelt-bench-ros");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI master = URI.create("http://127.0.0.1:" + port + "/");
        ProcessBuilder core = new ProcessBuilder("setsid", "/usr/bin/roscore", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(rosHome.resolve("roscore.log").toFile());
        env(core, rosHome, master);
        Process roscore = core.start();
        Vertx vertx = Vertx.vertx();
        try {
            waitForPort(port, 20_000);
            double[] java = javaSide(vertx, master, seconds, roundTrips);
            out.printf(Locale.ROOT, "bridge (Java, TCPROS on loopback): %,.0f LaserScan msgs/s (360 beams); round trip median %.3f ms, p99 %.3f ms%n",
                    java[0], java[1], java[2]);
            out.flush();
            ProcessBuilder py = new ProcessBuilder("/usr/bin/python3", home.resolve("tools/ros/bench_rospy.py").toString(),
                    String.valueOf(seconds), String.valueOf(roundTrips)).redirectErrorStream(true);
            env(py, rosHome, master);
            Process p = py.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(120, TimeUnit.SECONDS);
            String line = text.lines().filter(l -> l.startsWith("rospy ")).findFirst().orElse(null);
            if (line == null) {
                out.println("rospy: no result (" + text.strip().replace('\n', ' ') + ")");
                return;
            }
            double thr = field(line, "throughput_msgs_per_s"), med = field(line, "rtt_median_ms"), p99 = field(line, "rtt_p99_ms");
            out.printf(Locale.ROOT, "rospy  (Python, same machine, same run): %,.0f LaserScan msgs/s; round trip median %.3f ms, p99 %.3f ms%n",
                    thr, med, p99);
            out.printf(Locale.ROOT, "bridge / rospy throughput: %.1fx (target >= 5x); latency %.1fx lower%n", java[0] / thr, med / java[1]);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            new ProcessBuilder("kill", "-INT", "--", "-" + roscore.pid()).start().waitFor();
            if (!roscore.waitFor(10, TimeUnit.SECONDS)) roscore.destroyForcibly();
        }
    }

    private static void env(ProcessBuilder pb, Path rosHome, URI master) {
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        pb.environment().put("ROS_MASTER_URI", master.toString());
        pb.environment().put("ROS_IP", "127.0.0.1");
        pb.environment().put("ROS_HOME", rosHome.toString());
        pb.environment().put("ROS_LOG_DIR", rosHome.resolve("log").toString());
        pb.environment().put("PATH", "/usr/bin:/bin:" + System.getenv().getOrDefault("PATH", ""));
    }

    private static double field(String line, String name) {
        for (String part : line.split(" ")) if (part.startsWith(name + "=")) return Double.parseDouble(part.substring(name.length() + 1));
        return Double.NaN;
    }

    private static void waitForPort(int port, long ms) throws Exception {
        long end = System.currentTimeMillis() + ms;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                Thread.sleep(300); // the master answers once its XML-RPC server is up
                return;
            } catch (IOException e) {
                if (System.currentTimeMillis() > end) throw new IllegalStateException("roscore did not start on port " + port);
                Thread.sleep(100);
            }
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static LidarScan scan() {
        float[] ranges = new float[360];
        for (int i = 0; i < ranges.length; i++) ranges[i] = 1.0f + 0.01f * i;
        return new LidarScan(new Header(946_684_800_000_000_000L, "laser"), (float) -Math.PI, (float) (2 * Math.PI / 360),
                0f, 0.05f, 0.12f, 12f, ranges, new float[0]);
    }

    /** {throughput msgs/s, rtt median ms, rtt p99 ms} between two nodes of one process. */
    private static double[] javaSide(Vertx vertx, URI master, double seconds, int roundTrips) throws Exception {
        LaserScanCodec codec = new LaserScanCodec();
        RosNode a = await(RosNode.start(vertx, NodeConfig.of("/umwelt_bench_a", master)));
        RosNode b = await(RosNode.start(vertx, NodeConfig.of("/umwelt_bench_b", master)));
        AtomicLong got = new AtomicLong();
        var sub = await(b.subscribe("/bench/scan", codec, 1000, m -> got.incrementAndGet()));
        RosPublisher<LidarScan> pub = await(a.advertise("/bench/scan", codec, false, 1000));
        waitUntil(() -> pub.connectionCount() > 0 && sub.publisherCount() > 0);
        LidarScan msg = scan();
        // Publish from this thread (publish is thread-safe) in bursts that keep the queue fed, not flooded.
        long end = System.nanoTime() + Math.round(seconds * 1e9);
        long sent = 0;
        long t0 = System.nanoTime();
        long startCount = got.get();
        while (System.nanoTime() < end) {
            if (sent - (got.get() - startCount) < 500) {
                pub.publish(msg);
                sent++;
            } else {
                Thread.onSpinWait();
            }
        }
        double thr = (got.get() - startCount) / ((System.nanoTime() - t0) / 1e9);

        // Round trip: ping on a -> b echoes on pong -> a.
        RosPublisher<LidarScan> pongPub = await(b.advertise("/bench/pong", codec, false, 10));
        await(b.subscribe("/bench/ping", codec, 10, pongPub::publish));
        CountDownLatch[] latch = {new CountDownLatch(1)};
        var pongSub = await(a.subscribe("/bench/pong", codec, 10, m -> latch[0].countDown()));
        RosPublisher<LidarScan> ping = await(a.advertise("/bench/ping", codec, false, 10));
        waitUntil(() -> ping.connectionCount() > 0 && pongPub.connectionCount() > 0 && pongSub.publisherCount() > 0);
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < roundTrips + 50; i++) {
            latch[0] = new CountDownLatch(1);
            long s = System.nanoTime();
            ping.publish(msg);
            if (!latch[0].await(2, TimeUnit.SECONDS)) continue;
            if (i >= 50) samples.add((System.nanoTime() - s) / 1e6);
        }
        Collections.sort(samples);
        await(a.shutdown());
        await(b.shutdown());
        return new double[]{thr, samples.get(samples.size() / 2), samples.get((int) (samples.size() * 0.99))};
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("bench nodes did not connect");
            Thread.sleep(20);
        }
    }
}
