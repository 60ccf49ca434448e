package dev.umwelt.rosbridge.node;

import dev.umwelt.bus.ros1.StringCodec;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** roscore killed (SIGINT) and started again on the same port: the node registers everything again. */
class MasterRestartTest {
    @Test
    void nodeRegistersAgainAfterMasterRestart() throws Exception {
        try (RosCore core = RosCore.start(); LogCapture log = new LogCapture()) {
            Vertx vertx = Vertx.vertx();
            try {
                NodeConfig config = NodeConfig.of("/umwelt_brain", core.masterUri()).withMasterCheckPeriod(Duration.ofMillis(200));
                RosNode node = Await.result(RosNode.start(vertx, config));
                RosPublisher<String> heartbeat = Await.result(node.advertise("/heartbeat", new StringCodec(), false, 10));
                List<String> heard = new CopyOnWriteArrayList<>();
                Await.result(node.subscribe("/instruction", new StringCodec(), 10, heard::add));
                long timer = vertx.setPeriodic(100, id -> heartbeat.publish("alive"));

                core.restart();
                Await.until("re-registration", Duration.ofSeconds(30), () -> node.reRegistrations() >= 1);
                assertTrue(log.warnings("unreachable").size() <= 1, log.warnings().toString());

                // a rostopic echo started after the restart finds the publisher through the new master
                Path out = Files.createTempFile(core.home(), "echo", ".txt");
                Process echo = core.tool("rostopic", "echo", "-n", "1", "/heartbeat").redirectOutput(out.toFile()).redirectErrorStream(true).start();
                assertTrue(echo.waitFor(30, TimeUnit.SECONDS), "rostopic echo got nothing: " + Files.readString(out));
                assertTrue(Files.readString(out).contains("data: \"alive\""), Files.readString(out));

                // and our subscription is known to the new master: a new publisher reaches us
                RosCore.Result pub = core.run(Duration.ofSeconds(30), "rostopic", "pub", "-1", "/instruction", "std_msgs/String", "data: 'after restart'");
                assertEquals(0, pub.exit(), pub.err());
                Await.until("the instruction", Duration.ofSeconds(10), () -> heard.contains("after restart"));

                List<?> lookup = (List<?>) RosCore.call(core.masterUri(), "lookupNode", "/test", "/umwelt_brain");
                assertEquals(1, lookup.get(0));
                assertEquals(node.uri().toString(), lookup.get(2));
                vertx.cancelTimer(timer);
                Await.result(node.shutdown());
            } finally {
                Await.result(vertx.close());
            }
        }
    }
}
