package dev.umwelt.bus.codec;

import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;

import java.util.List;

/** Registers the zero-copy local codec of every bus message type, once per Vert.x instance. */
public final class BusCodecs {
    public static final List<Class<?>> MESSAGE_TYPES = List.of(
            LidarScan.class, CameraFrame.class, AudioChunk.class, Odometry.class, Instruction.class,
            VelocityCommand.class, ActionChunk.class, EpisodeEvent.class, Observation.class, TickReadings.class,
            Belief.class);

    private BusCodecs() {}

    public static void register(Vertx vertx) {
        EventBus bus = vertx.eventBus();
        for (Class<?> type : MESSAGE_TYPES) registerOne(bus, type);
    }

    private static <T> void registerOne(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalCodec<>(type));
    }
}
