package dev.umwelt.agent.replay;

import dev.umwelt.agent.Catalog;
import dev.umwelt.agent.CliTest;
import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.episodes.replay.EpisodeFile;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A recorded episode played onto the bus reaches consumers at the robot's addresses, in stamp order, paced. */
class BusReplayTest {
    @Test
    void consumersReceiveEveryRecordedMessageInStampOrder(@TempDir Path tmp) throws Exception {
        CliTest.Outcome run = CliTest.umwelt("run", Catalog.scenario("single-room").toString(), "--policy", "oracle", "--out", tmp.toString());
        assertEquals(0, run.code(), run.err());
        EpisodeFile file = EpisodeFile.open(tmp.resolve("episode.mcap"));
        long scans = file.topics().stream().filter(t -> t.topic().equals("/scan")).findFirst().orElseThrow().messages();

        Vertx vertx = Vertx.vertx();
        try {
            BusCodecs.register(vertx);
            Addresses r1 = Addresses.of("r1");
            List<Long> scanStamps = new ArrayList<>();
            vertx.eventBus().<Stamped>consumer(r1.sensor(Modality.LIDAR, "front"), m -> scanStamps.add(m.body().stampNanos()));
            double duration = (file.lastLogTime() - file.firstLogTime()) / 1e9;
            double speed = duration / 0.5; // half a second of wall time
            long begin = System.nanoTime();
            Map<String, Long> counts = BusReplay.play(vertx, file, r1, speed)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            double wall = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(100); // let the consumer drain its queue
            assertEquals(scans, counts.get(r1.sensor(Modality.LIDAR, "front")));
            assertEquals(scans, scanStamps.size(), "every recorded scan reaches the consumer");
            for (int i = 1; i < scanStamps.size(); i++) assertTrue(scanStamps.get(i) > scanStamps.get(i - 1), "stamp order");
            assertEquals(1L, counts.get(r1.instruction()));
            assertTrue(wall >= 0.4, "paced to about 0.5 s, took " + wall);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
