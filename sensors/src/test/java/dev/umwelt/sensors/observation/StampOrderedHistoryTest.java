package dev.umwelt.sensors.observation;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.sensing.Odometry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class StampOrderedHistoryTest {
    @Test
    void anyArrivalOrderGivesTheSameAnswers() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            List<Long> stamps = new ArrayList<>();
            for (int i = 0; i < 6; i++) stamps.add((long) rnd.nextInt(1000));
            List<Long> shuffled = new ArrayList<>(stamps);
            Collections.shuffle(shuffled, rnd);
            var h = new StampOrderedHistory(8);
            for (long s : shuffled) h.add(Odometry.of(s, Pose2D.ORIGIN, Twist2D.ZERO));
            for (long t = 0; t < 1000; t += 37) {
                final long now = t;
                long expected = stamps.stream().filter(s -> s <= now).mapToLong(Long::longValue).max().orElse(-1);
                var got = h.newestAtOrBefore(now);
                assertEquals(expected, got == null ? -1 : got.stampNanos(), "trial " + trial + " t=" + t);
            }
        }
    }

    @Test
    void dropsTheOldestWhenFull() {
        var h = new StampOrderedHistory(3);
        for (long s = 1; s <= 5; s++) h.add(Odometry.of(s, Pose2D.ORIGIN, Twist2D.ZERO));
        assertNull(h.newestAtOrBefore(2));
        assertEquals(3, h.newestAtOrBefore(3).stampNanos());
        h.add(Odometry.of(1, Pose2D.ORIGIN, Twist2D.ZERO)); // older than all kept: ignored
        assertNull(h.newestAtOrBefore(2));
    }
}
