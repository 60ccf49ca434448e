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
 *
 * <p>Throughput, the same method on both sides: the publisher publishes {@link #BURST} scans
 * back to back (publisher and subscriber queues of BURST, so nothing is dropped, checked), the
 * subscriber counts; a run's figure is BURST / (time of the last arrival - time of the first
 * publish). Warm-up runs first (the JIT needs ~100k messages; rospy gets one), then {@link #RUNS}
 * runs, median reported. The earlier method (3 s from a cold JVM, at most 500 in flight, the
 * publisher spin-waiting on a 2-core machine) measured mostly the interpreter.
 */
public final class RosBenchmark {
    private RosBenchmark() {}

    /** Scans per throughput run. */
    static final int BURST = 20_000;
    static final int RUNS = 3;
    static final int JAVA_WARMUP_RUNS = 5;

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
            double[] java = javaSide(vertx, master, roundTrips);
            out.printf(Locale.ROOT, "bridge (Java, TCPROS on loopback): %,.0f LaserScan msgs/s (360 beams; median of %d bursts of %,d, runs %s); round trip median %.3f ms, p99 %.3f ms%n",
                    java[0], RUNS, BURST, runs(java, 3), java[1], java[2]);
            out.flush();
            ProcessBuilder py = new ProcessBuilder("/usr/bin/python3", home.resolve("tools/ros/bench_rospy.py").toString(),
                    String.valueOf(BURST), String.valueOf(RUNS), String.valueOf(roundTrips)).redirectErrorStream(true);
            env(py, rosHome, master);
            Process p = py.start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) p.destroyForcibly();
            String line = text.lines().filter(l -> l.startsWith("rospy throughput")).findFirst().orElse(null);
            if (line == null) {
                out.println("rospy: no result (" + text.strip().replace('\n', ' ') + ")");
                return;
            }
            double thr = field(line, "throughput_msgs_per_s"), med = field(line, "rtt_median_ms"), p99 = field(line, "rtt_p99_ms");
            out.printf(Locale.ROOT, "rospy  (Python, same machine, same run): %,.0f LaserScan msgs/s (median of %d bursts of %,d, runs %s, publisher and subscriber in two processes); round trip median %.3f ms, p99 %.3f ms%n",
                    thr, RUNS, BURST, text.lines().filter(l -> l.startsWith("rospy run")).map(l -> l.substring(10).strip()).toList(), med, p99);
            out.printf(Locale.ROOT, "bridge / rospy throughput: %.1fx (target >= 5x); latency %.1fx lower%n", java[0] / thr, med / java[1]);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            new ProcessBuilder("kill", "-INT", "--", "-" + roscore.pid()).start().waitFor();
            if (!roscore.waitFor(10, TimeUnit.SECONDS)) roscore.destroyForcibly();
        }
    }

    private static String runs(double[] figures, int from) {
        List<String> r = new ArrayList<>();
        for (int i = from; i < figures.length; i++) r.add(String.format(Locale.ROOT, "%,.0f", figures[i]));
        return r.toString();
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

    /** {median throughput msgs/s, rtt median ms, rtt p99 ms, each run's msgs/s...} between two nodes of one process. */
    private static double[] javaSide(Vertx vertx, URI master, int roundTrips) throws Exception {
        LaserScanCodec codec = new LaserScanCodec();
        RosNode a = await(RosNode.start(vertx, NodeConfig.of("/umwelt_bench_a", master)));
        RosNode b = await(RosNode.start(vertx, NodeConfig.of("/umwelt_bench_b", master)));
        AtomicLong got = new AtomicLong();
        AtomicLong target = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastArrival = new AtomicLong();
        var sub = await(b.subscribe("/bench/scan", codec, BURST, m -> {
            if (got.incrementAndGet() == target.get()) lastArrival.set(System.nanoTime());
        }));
        RosPublisher<LidarScan> pub = await(a.advertise("/bench/scan", codec, false, BURST));
        waitUntil(() -> pub.connectionCount() > 0 && sub.publisherCount() > 0);
        LidarScan msg = scan();
        double[] rates = new double[RUNS];
        for (int run = -JAVA_WARMUP_RUNS; run < RUNS; run++) {
            long before = got.get();
            lastArrival.set(0);
            target.set(before + BURST);
            long t0 = System.nanoTime();
            for (int i = 0; i < BURST; i++) pub.publish(msg);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (lastArrival.get() == 0 && System.nanoTime() < deadline) Thread.sleep(1);
            if (lastArrival.get() == 0) {
                throw new IllegalStateException("bench: " + (got.get() - before) + " of " + BURST + " scans arrived, "
                        + pub.droppedCount() + " dropped");
            }
            if (run >= 0) rates[run] = BURST / ((lastArrival.get() - t0) / 1e9);
        }
        if (pub.droppedCount() != 0) throw new IllegalStateException("bench: the publisher dropped " + pub.droppedCount());
        double[] sorted = rates.clone();
        java.util.Arrays.sort(sorted);
        double thr = sorted[RUNS / 2];

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
        double[] result = new double[3 + RUNS];
        result[0] = thr;
        result[1] = samples.get(samples.size() / 2);
        result[2] = samples.get((int) (samples.size() * 0.99));
        System.arraycopy(rates, 0, result, 3, RUNS);
        return result;
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("bench nodes did not connect");
            Thread.sleep(20);
        }
    }
}
