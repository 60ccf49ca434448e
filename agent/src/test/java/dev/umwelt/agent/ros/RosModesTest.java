package dev.umwelt.agent.ros;

import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.rosbridge.config.BridgeConfig;
import dev.umwelt.rosbridge.config.BridgeConfigLoader;
import dev.umwelt.rosbridge.node.NodeConfig;
import dev.umwelt.rosbridge.node.RosCore;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.sim.Simulator;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two ROS modes against a real roscore, rostopic and rosbag on 127.0.0.1. */
class RosModesTest {
    static RosCore core;
    static Scenario scenario;
    static BridgeConfig bridge;

    @BeforeAll
    static void up() throws Exception {
        core = RosCore.start();
        scenario = ScenarioLoader.load(Path.of(RosModesTest.class.getResource("/ros/red-box-room.yaml").toURI()));
        bridge = BridgeConfigLoader.loadDefault(Path.of("..")).withRobot(scenario.robot());
    }

    @AfterAll
    static void down() {
        if (core != null) core.close();
    }

    static Vertx vertx() {
        Vertx v = Vertx.vertx();
        BusCodecs.register(v);
        return v;
    }

    static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static RosSim startSim(Vertx v, double speed, boolean camera) throws Exception {
        return await(RosSim.start(v, new RosSim.Options(NodeConfig.of("/umwelt_sim", core.masterUri()), bridge, 7, speed),
                scenario, camera ? Simulator::new : s -> new Simulator(s, null), System.out::println));
    }

    /** {@code rostopic echo -p} output: one map per message, field name -> text. */
    static List<Map<String, String>> plot(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = text.strip().split("\n");
        if (lines.length < 2) return rows;
        String[] names = lines[0].split(",");
        for (int i = 1; i < lines.length; i++) {
            String[] vals = lines[i].split(",");
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(names.length, vals.length); k++) row.put(names[k], vals[k]);
            rows.add(row);
        }
        return rows;
    }

    static Map<String, String> echoOne(String topic) {
        RosCore.Result r = core.run(Duration.ofSeconds(30), "/usr/bin/rostopic", "echo", "-n", "1", "-p", topic);
        List<Map<String, String>> rows = plot(r.out());
        assertFalse(rows.isEmpty(), "rostopic echo " + topic + " gave nothing: exit " + r.exit() + " " + r.err());
        return rows.get(0);
    }

    static double d(Map<String, String> row, String field) {
        String v = row.get("field." + field);
        if (v == null) throw new AssertionError("no field " + field + " in " + row.keySet());
        return num(v);
    }

    /** Python's float text: nan, inf, -inf besides numbers (REP-117 ranges). */
    static double num(String v) {
        return switch (v) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    @Test
    void simPublishesScanOdometryAndTfThatRostopicReads() throws Exception {
        Vertx v = vertx();
        try {
            startSim(v, 1.0, false);
            assertEquals("true", core.run(Duration.ofSeconds(20), "/usr/bin/rosparam", "get", "/use_sim_time").out().strip());

            Map<String, String> scan = echoOne("/scan");
            assertEquals("laser", scan.get("field.header.frame_id"));
            assertTrue(d(scan, "header.stamp") >= 946_684_800e9, "sim time from 2000-01-01");
            assertEquals(-Math.PI, d(scan, "angle_min"), 1e-6);
            assertEquals(2 * Math.PI / 360, d(scan, "angle_increment"), 1e-6);
            assertEquals(0.12, d(scan, "range_min"), 1e-6);
            assertEquals(12.0, d(scan, "range_max"), 1e-6);
            // The robot stands still without /cmd_vel: every scan is the reset scan up to noise (sigma 1 cm).
            LidarScan expected;
            try (Simulator reference = new Simulator(scenario, null)) {
                expected = reference.reset(7).latest(LidarScan.class);
            }
            int close = 0, finite = 0;
            for (int i = 0; i < 360; i++) {
                double want = expected.ranges()[i];
                String got = scan.get("field.ranges" + i);
                if (got == null) throw new AssertionError("beam " + i + " missing");
                if (!Double.isFinite(want)) continue;
                finite++;
                if (Math.abs(num(got) - want) < 0.06) close++;
            }
            assertTrue(finite > 300 && close >= 0.95 * finite, close + " of " + finite + " beams match the scenario's room");
            // Straight ahead (beam 180, yaw 0, y = 1.2 passes under the box's y 1.25..1.75) the east wall's
            // inner face: 6 - 0.05 (half its 0.1 m thickness) - 1.0 (start) - 0.05 (mount); 5 sigma of noise.
            assertEquals(4.90, num(scan.get("field.ranges180")), 0.05);

            Map<String, String> odom = echoOne("/odom");
            assertEquals("odom", odom.get("field.header.frame_id"));
            assertEquals("base_link", odom.get("field.child_frame_id"));
            assertEquals(0.0, d(odom, "pose.pose.position.x"), 0.02);
            assertEquals(0.0, d(odom, "pose.pose.position.y"), 0.02);
            assertEquals(1.0, d(odom, "pose.pose.orientation.w"), 1e-3);

            Map<String, String> tf = echoOne("/tf");
            assertEquals("map", tf.get("field.transforms0.header.frame_id"));
            assertEquals("odom", tf.get("field.transforms0.child_frame_id"));
            assertEquals(1.0, d(tf, "transforms0.transform.translation.x"), 0.02, "map->odom is the scenario's start");
            assertEquals(1.2, d(tf, "transforms0.transform.translation.y"), 0.02);
            assertEquals("odom", tf.get("field.transforms1.header.frame_id"));
            assertEquals("base_link", tf.get("field.transforms1.child_frame_id"));
            assertEquals(0.0, d(tf, "transforms1.transform.translation.x"), 0.02);

            Map<String, String> links = echoOne("/tf_static");
            assertEquals("base_link", links.get("field.transforms0.header.frame_id"));
            assertEquals("laser", links.get("field.transforms0.child_frame_id"));
            assertEquals(0.05, d(links, "transforms0.transform.translation.x"), 1e-9);

            Map<String, String> clock = echoOne("/clock");
            assertTrue(d(clock, "clock") >= 946_684_800e9);
        } finally {
            await(v.close());
        }
    }

    @Test
    void instructionDrivesTheSimulatedRobotAndABagReplaysTheSameCommands() throws Exception {
        // The brain runs the default, non-privileged explorer: it must find the red box itself.
        Path dir = Files.createTempDirectory("umwelt-ros-bag");
        Path bag = dir.resolve("session.bag");
        Vertx live = vertx();
        Process record = null;
        RosBrain brain;
        RosSim sim;
        Map<String, Long> liveReceived;
        try {
            // the sim first (it sets /use_sim_time, which the brain reads at start), held still by no commands
            sim = startSim(live, 2.0, true); // the explorer finds the box with the camera
            brain = await(RosBrain.start(live, new RosBrain.Options(NodeConfig.of("/umwelt_brain", core.masterUri()), bridge,
                    true, "r1"), new ExplorerPolicy(), System.out::println));
            assertTrue(brain.useSimTime());
            record = core.tool("setsid", "/usr/bin/rosbag", "record", "-O", bag.toString(), "/scan", "/odom", "/clock", "/camera/image_raw",
                    "/umwelt/instruction", "/umwelt/instruction/adopted", "/cmd_vel").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("record.log").toFile()).start();
            waitFor(() -> Files.exists(dir.resolve("session.bag.active")), 20_000, "rosbag record started");
            Thread.sleep(1500); // its subscriptions connect
            RosCore.Result pub = core.run(Duration.ofSeconds(30), "/usr/bin/rostopic", "pub", "-1", "/umwelt/instruction",
                    "std_msgs/String", "data: 'go to the red box'");
            assertEquals(0, pub.exit(), pub.err());
            RosBrain b = brain;
            waitFor(() -> b.commands().stream().anyMatch(t -> t.linear() > 0.3) && !b.acting(),
                    120_000, "the brain found the box and stopped");
            double dist = Math.hypot(sim.groundTruth().x() - 4.5, sim.groundTruth().y() - 1.5);
            assertTrue(dist < 0.25 + 1.0 && dist > 0.5, "stopped " + dist + " m from the red box's centre");
            assertEquals(0, sim.collisions());
            // The same control tick as a simulated episode, with a real robot's ports.
            assertEquals(List.of("inject faults (none)", "record (none)", "end? (RobotPorts)", "observe (ObservationBuilder, FaultMonitor)",
                    "update belief (WorldModel)", "policy (explorer)", "safety (watchdog, e-stop, shield)"),
                    b.pipeline().subList(0, 7).stream().map(Object::toString).toList());
            Thread.sleep(500);
            liveReceived = brain.received();
        } finally {
            // The sim and brain first, so the recorder has nothing left to drain when told to stop.
            await(live.close());
            if (record != null) {
                new ProcessBuilder("kill", "-INT", "--", "-" + record.pid()).start().waitFor();
                record.waitFor(60, TimeUnit.SECONDS);
            }
        }
        // `rosbag record` is a Python wrapper around the C++ recorder: on SIGINT the wrapper can exit
        // while the recorder is still closing the bag (writing its index, renaming .bag.active).
        waitFor(() -> Files.exists(bag), 30_000, "the bag closed by the recorder");
        assertTrue(Files.exists(bag), "bag written: " + Files.readString(dir.resolve("record.log")));
        List<double[]> recorded = new ArrayList<>();
        for (Map<String, String> row : plot(core.run(Duration.ofSeconds(30), "/usr/bin/rostopic", "echo", "-b", bag.toString(),
                "-p", "/cmd_vel").out())) {
            recorded.add(new double[]{d(row, "linear.x"), d(row, "angular.z")});
        }
        assertTrue(recorded.size() > 20, "recorded commands: " + recorded.size());

        // Replay: a fresh brain, the bag's sensors, clock and instruction (not its commands) at their times.
        Vertx replay = vertx();
        try {
            RosBrain again = await(RosBrain.start(replay, new RosBrain.Options(NodeConfig.of("/umwelt_brain2", core.masterUri()),
                    bridge, true, "r1"), new ExplorerPolicy(), System.out::println));
            assertTrue(again.useSimTime());
            RosCore.Result play = core.run(Duration.ofSeconds(120), "/usr/bin/rosbag", "play", "-q", "--clock", "-d", "2",
                    bag.toString(), "--topics", "/scan", "/odom", "/clock", "/camera/image_raw", "/umwelt/instruction", "/umwelt/instruction/adopted");
            assertEquals(0, play.exit(), play.err());
            Thread.sleep(500);
            List<Twist2D> replayed = again.commands();
            System.out.println("ros modes: live brain received " + liveReceived + ", replayed brain " + again.received());
            System.out.printf("ros modes: %d commands recorded live, %d from the replayed bag%n", recorded.size(), replayed.size());
            assertEquals(recorded.size(), replayed.size(), "same number of commands");
            for (int i = 0; i < recorded.size(); i++) {
                assertEquals(recorded.get(i)[0], replayed.get(i).linear(), 0.0, "linear.x of command " + i);
                assertEquals(recorded.get(i)[1], replayed.get(i).angular(), 0.0, "angular.z of command " + i);
            }
        } finally {
            await(replay.close());
        }
    }

    interface Condition { boolean holds() throws Exception; }

    static void waitFor(Condition c, long ms, String what) throws Exception {
        long end = System.currentTimeMillis() + ms;
        while (!c.holds()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting: " + what);
            Thread.sleep(50);
        }
    }
}
