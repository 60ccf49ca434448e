package dev.umwelt.agent.ros;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.Odometry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The release rule: per-stream sequences only under sim time; a dead stream only after wall-clock silence. */
class StampTickerTest {
    static final long MS = 1_000_000L;

    static Odometry r(long stampMs) {
        return new Odometry(new Header(stampMs * MS, "odom"), "base_link", Pose2D.ORIGIN, Twist2D.ZERO);
    }

    static StampTicker simTicker() {
        return new StampTicker(50 * MS, Map.of("fast", 20 * MS, "slow", 100 * MS), 1000 * MS, 2000 * MS, false);
    }

    @Test
    void aClockFarAheadReleasesNothingAStreamStillOwes() {
        StampTicker t = simTicker();
        t.offer("fast", r(0), 0);
        t.offer("slow", r(0), 0);
        assertEquals(List.of(0L), t.release().stream().map(StampTicker.Tick::stampNanos).map(n -> n / MS).toList());
        t.offer("fast", r(20), 0);
        t.offer("fast", r(40), 0);
        t.offer("fast", r(60), 0);
        t.offer("fast", r(80), 0);
        t.offer("fast", r(100), 0);
        t.clock(5000 * MS); // /clock read seconds ahead of the slow socket
        List<StampTicker.Tick> out = t.release();
        assertEquals(1, out.size(), "only tick 50: tick 100 waits for the slow stream's frame stamped 100");
        assertEquals(50 * MS, out.get(0).stampNanos());
        assertEquals(List.of(20 * MS, 40 * MS), out.get(0).readings().stream().map(x -> x.header().stampNanos()).toList());
        t.offer("slow", r(100), 0);
        out = t.release();
        assertEquals(1, out.size());
        assertEquals(List.of(60 * MS, 80 * MS, 100 * MS, 100 * MS),
                out.get(0).readings().stream().map(x -> x.header().stampNanos()).toList());
    }

    @Test
    void aStreamSilentLongerThanTheDeadTimeStopsGatingUntilItSpeaksAgain() {
        StampTicker t = simTicker();
        t.offer("fast", r(0), 0);
        t.offer("slow", r(0), 0);
        t.release();
        for (long s = 20; s <= 2000; s += 20) t.offer("fast", r(s), s * MS);
        t.clock(2000 * MS);
        assertEquals(1, t.release().size(), "tick 50 only");
        assertEquals(List.of(), t.expire(1999 * MS), "silent for less than the dead time");
        assertEquals(List.of("slow"), t.expire(2000 * MS));
        List<StampTicker.Tick> out = t.release();
        assertEquals(39, out.size(), "ticks 100 .. 2000 go on without it");
        t.offer("slow", r(2100), 2100 * MS);
        t.offer("fast", r(2100), 2100 * MS);
        out = t.release();
        assertEquals(List.of(2050L * MS, 2100L * MS), out.stream().map(StampTicker.Tick::stampNanos).toList());
        assertTrue(t.release().isEmpty(), "tick 2150 waits for the fast stream again");
    }
}
