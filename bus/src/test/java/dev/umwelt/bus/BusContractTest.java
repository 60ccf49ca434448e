package dev.umwelt.bus;

import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.bus.time.SimClock;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class BusContractTest {
    @Test
    void anglesNormalizeIntoHalfOpenInterval() {
        assertEquals(Math.PI, Angles.normalize(-Math.PI), 1e-15);
        assertEquals(Math.PI, Angles.normalize(Math.PI), 0);
        assertEquals(-Math.PI / 2, Angles.normalize(3 * Math.PI / 2), 1e-12);
        assertEquals(0.1, Angles.normalize(0.1 + 8 * Math.PI), 1e-12);
        assertEquals(-0.2, Angles.difference(Math.PI - 0.1, -Math.PI + 0.1), 1e-12);
    }

    @Test
    void poseComposesMountOffsets() {
        Pose2D base = new Pose2D(1, 2, Math.PI / 2);
        Pose2D laser = base.compose(new Pose2D(0.1, 0, 0.5));
        assertEquals(1.0, laser.x(), 1e-12);
        assertEquals(2.1, laser.y(), 1e-12);
        assertEquals(Math.PI / 2 + 0.5, laser.yaw(), 1e-12);
    }

    @Test
    void simTimeStartsAtANonZeroEpoch() {
        SimClock c = new SimClock();
        assertEquals(Clock.SIM_EPOCH_NANOS, c.nowNanos());
        assertTrue(c.nowNanos() > 0);
        c.advance(Clock.seconds(0.05));
        assertEquals(50_000_000L, c.elapsedNanos());
        assertThrows(IllegalArgumentException.class, () -> c.advance(-1));
    }

    @Test
    void velocityCommandExpiresAfterItsDeadline() {
        VelocityCommand cmd = VelocityCommand.of(1000, new Twist2D(0.5, 0), 500);
        assertTrue(cmd.isValidAt(1500));
        assertFalse(cmd.isValidAt(1501));
        assertEquals(Frames.BASE_LINK, cmd.header().frameId());
    }

    @Test
    void actionChunkIndexesByTimeStepAndHoldsTheLast() {
        var h = new Header(1000, Frames.BASE_LINK);
        var chunk = new ActionChunk(h, 100, List.of(new Twist2D(1, 0), new Twist2D(2, 0)), false,
                Map.of(Modality.LIDAR, 0.7, Modality.CAMERA, 0.3));
        assertEquals(1, chunk.actionAt(1099).linear());
        assertEquals(2, chunk.actionAt(1100).linear());
        assertEquals(2, chunk.actionAt(99999).linear());
        assertEquals(Twist2D.ZERO, ActionChunk.stop(0, 100).actionAt(50));
        assertThrows(IllegalArgumentException.class, () -> new ActionChunk(h, 100, List.of(), false, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ActionChunk(h, 100, List.of(Twist2D.ZERO), false, Map.of(Modality.LIDAR, 1.5)));
    }

    @Test
    void observationHasEveryModalityWithAReason() {
        Observation o = Observation.at(10).build();
        for (Modality m : Modality.values()) {
            assertEquals(AbsenceReason.NEVER_ARRIVED, o.sense(m).absence(), m.key());
        }
        assertTrue(o.privileged().isEmpty());
        assertEquals(Modality.LIDAR, Modality.fromKey("lidar"));
        assertThrows(IllegalArgumentException.class, () -> Modality.fromKey("smell"));
    }

    @Test
    void addressesFollowTheRobotNamingScheme() {
        Addresses a = Addresses.of("r1");
        assertEquals("robot.r1.sensor.lidar.front", a.sensor(Modality.LIDAR, "front"));
        assertEquals("robot.r1.cmd_vel", a.cmdVel());
        assertEquals("robot.r1.belief", a.belief());
        assertEquals("robot.r1.belief", Addresses.belief("r1"));
        assertThrows(IllegalArgumentException.class, () -> Addresses.of("R 1"));
        assertThrows(IllegalArgumentException.class, () -> a.sensor(Modality.CAMERA, "front.left"));
    }

    @Test
    void imagesAreCheckedForSizeAndReadTopRowFirst() {
        byte[] px = new byte[3 * 2 * 2];
        px[0] = (byte) 0xff; // top-left red
        CameraFrame f = new CameraFrame(new Header(1, Frames.CAMERA), 2, 2, px);
        assertEquals(0xff0000, f.rgbAt(0, 0));
        assertEquals(0, f.rgbAt(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CameraFrame(new Header(1, Frames.CAMERA), 2, 3, px));
    }

    @Test
    void scansKeepRep117ValuesAndDeriveAngleMax() {
        float[] r = {1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        LidarScan s = new LidarScan(new Header(5, Frames.LASER), -1f, 0.5f, 0, 0.05f, 0.1f, 10f, r, null);
        assertEquals(0.5f, s.angleMax());
        assertEquals(4, s.beams());
        assertEquals(s, new LidarScan(new Header(5, Frames.LASER), -1f, 0.5f, 0, 0.05f, 0.1f, 10f, r.clone(), new float[0]));
    }

    @Test
    void localCodecPassesTheSameInstanceThroughTheEventBus() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            BusCodecs.register(vertx);
            float[] ranges = new float[360];
            LidarScan scan = new LidarScan(new Header(7, Frames.LASER), 0, 0.01f, 0, 0.05f, 0.1f, 12f, ranges, null);
            Addresses a = Addresses.of("r1");
            vertx.eventBus().<LidarScan>consumer(a.sensor(Modality.LIDAR, "front"), m -> m.reply(m.body()));
            LidarScan back = vertx.eventBus().<LidarScan>request(a.sensor(Modality.LIDAR, "front"), scan)
                    .map(m -> m.body()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertSame(scan, back, "local delivery must not copy");
            assertSame(ranges, back.ranges());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }
}
