package dev.umwelt.agent.replay;

import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFormat;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays an episode file onto the event bus, as the robot's adapters published it: each recorded
 * message at its robot address, in log-time order, paced by log time / speed (infinite speed: as
 * fast as the bus takes them). Ground truth and /tf stay off the bus: the first is privileged,
 * the second derived. Consumers (another policy, the world model, a bridge) cannot tell a replay
 * from the live robot, which is what offline evaluation needs.
 */
public final class BusReplay {
    /** One recorded topic and where its messages go. */
    private record Route(String topic, Class<?> type, String address) {}

    private record Due(long logTime, int order, String address, Object message) {}

    private BusReplay() {}

    static List<Route> routes(Addresses a) {
        return List.of(
                new Route(EpisodeFormat.INSTRUCTION, Instruction.class, a.instruction()),
                new Route(EpisodeFormat.SCAN, LidarScan.class, a.sensor(Modality.LIDAR, "front")),
                new Route(EpisodeFormat.CAMERA, CameraFrame.class, a.sensor(Modality.CAMERA, "front")),
                new Route(EpisodeFormat.ODOM, Odometry.class, a.sensor(Modality.ODOMETRY, "wheels")),
                new Route(EpisodeFormat.ACTION, ActionChunk.class, a.action()),
                new Route(EpisodeFormat.COMMAND, VelocityCommand.class, a.cmdVel()),
                new Route(EpisodeFormat.EVENTS, EpisodeEvent.class, a.events()));
    }

    /**
     * Publishes the file's messages on {@code vertx}'s bus (codecs registered by the caller);
     * completes with the number published per address, in route order.
     */
    public static Future<Map<String, Long>> play(Vertx vertx, EpisodeFile file, Addresses addresses, double speed)
            throws IOException {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be positive: " + speed);
        List<Due> due = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        int order = 0;
        for (Route r : routes(addresses)) {
            counts.put(r.address(), 0L);
            for (EpisodeFile.Timed<?> t : file.messages(r.topic(), r.type())) {
                due.add(new Due(t.logTime(), order++, r.address(), t.value()));
            }
        }
        // Stable within a stamp: the order the routes list (instruction, readings, then commands).
        due.sort(Comparator.comparingLong(Due::logTime).thenComparingInt(Due::order));
        Promise<Map<String, Long>> done = Promise.promise();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> new Pacer(vertx, context, due, counts, speed, done).next());
        return done.future();
    }

    /** Publishes everything due by now, then sleeps until the next message is due. */
    private static final class Pacer {
        private final Vertx vertx;
        private final Context context;
        private final List<Due> due;
        private final Map<String, Long> counts;
        private final double speed;
        private final Promise<Map<String, Long>> done;
        private final long wallStart = System.nanoTime();
        private final long logStart;
        private int next;

        Pacer(Vertx vertx, Context context, List<Due> due, Map<String, Long> counts, double speed,
              Promise<Map<String, Long>> done) {
            this.vertx = vertx;
            this.context = context;
            this.due = due;
            this.counts = counts;
            this.speed = speed;
            this.done = done;
            this.logStart = due.isEmpty() ? 0 : due.get(0).logTime();
        }

        void next() {
            double elapsedLog = Double.isInfinite(speed) ? Double.POSITIVE_INFINITY : (System.nanoTime() - wallStart) * speed;
            // At most a batch per task keeps the context responsive at --max.
            for (int batch = 0; next < due.size() && batch < 1000; batch++) {
                Due d = due.get(next);
                if (d.logTime() - logStart > elapsedLog) break;
                vertx.eventBus().publish(d.address(), d.message());
                counts.merge(d.address(), 1L, Long::sum);
                next++;
            }
            if (next == due.size()) {
                done.complete(counts);
            } else if (Double.isInfinite(speed)) {
                context.runOnContext(v -> next());
            } else {
                long waitNanos = (long) ((due.get(next).logTime() - logStart) / speed) - (System.nanoTime() - wallStart);
                if (waitNanos >= 1_000_000L) vertx.setTimer(waitNanos / 1_000_000L, id -> next());
                else context.runOnContext(v -> next());
            }
        }
    }
}
