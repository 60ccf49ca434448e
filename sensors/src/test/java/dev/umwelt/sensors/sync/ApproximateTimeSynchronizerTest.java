package dev.umwelt.sensors.sync;

import dev.umwelt.bus.Header;
import dev.umwelt.sensors.sync.Streams.Reading;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Hand-worked cases; the general guarantees are in the properties test. */
class ApproximateTimeSynchronizerTest {
    private static Reading r(int stream, int seq, long ms) {
        return new Reading(stream, seq, new Header(ms * Streams.MS, "s" + stream));
    }

    @Test
    void pairsNearestAndDropsTheReadingThatFitsNowhere() {
        var s = new ApproximateTimeSynchronizer<Reading>(2, 10);
        Reading a0 = r(0, 0, 0), a1 = r(0, 1, 100), b0 = r(1, 0, 10), b1 = r(1, 1, 60), b2 = r(1, 2, 95);
        assertEquals(List.of(), s.offer(0, a0));
        // Not yet: a stream-0 reading stamped 10 ms could still arrive and pair better with b0.
        assertEquals(List.of(), s.offer(1, b0));
        assertEquals(List.of(), s.offer(1, b1));
        assertEquals(List.of(), s.offer(1, b2));
        // a1 at 100 ms proves no stream-0 reading lies between: (a0, b0) goes out. a1's best
        // partner is b2 (5 ms), b1 is dropped, but a stream-1 reading at 100 ms could still come.
        assertEquals(List.of(new SyncedSet<>(10 * Streams.MS, List.of(a0, b0))), s.offer(0, a1));
        assertEquals(List.of(new SyncedSet<>(5 * Streams.MS, List.of(a1, b2))), s.flush());
    }

    @Test
    void waitsWhileALaterReadingCouldStillBeatTheCandidateThenFlushPublishesIt() {
        var s = new ApproximateTimeSynchronizer<Reading>(2, 10);
        assertEquals(List.of(), s.offer(0, r(0, 0, 100)));
        assertEquals(List.of(), s.offer(1, r(1, 0, 50)));  // candidate spans 50 ms; stream 1 may come closer
        var sets = s.flush();
        assertEquals(1, sets.size());
        assertEquals(50 * Streams.MS, sets.get(0).spanNanos());
        assertEquals(List.of(), s.flush(), "flush forgets what is left");
    }

    @Test
    void maxIntervalSkipsHeadsThatSpanTooMuch() {
        var s = new ApproximateTimeSynchronizer<Reading>(2, 10, 20 * Streams.MS);
        s.offer(0, r(0, 0, 0));
        s.offer(1, r(1, 0, 50)); // 50 ms apart: stream 0's head is dropped, not published
        s.offer(0, r(0, 1, 55));
        var sets = s.flush();
        assertEquals(1, sets.size());
        assertEquals(5 * Streams.MS, sets.get(0).spanNanos());
    }

    @Test
    void outOfOrderReadingsAreRejectedAndQueueOverflowDropsTheOldest() {
        var s = new ApproximateTimeSynchronizer<Reading>(2, 2);
        s.offer(0, r(0, 0, 10));
        assertEquals(List.of(), s.offer(0, r(0, 1, 5)));
        assertEquals(1, s.rejectedOutOfOrder());
        s.offer(0, r(0, 2, 20));
        s.offer(0, r(0, 3, 30)); // third reading in a queue of 2: the 10 ms one goes
        assertEquals(1, s.droppedQueueFull());
        var sets = s.offer(1, r(1, 0, 21));
        sets = sets.isEmpty() ? s.flush() : sets;
        assertEquals(20 * Streams.MS, sets.get(0).get(0).stampNanos());
        assertThrows(IllegalArgumentException.class, () -> new ApproximateTimeSynchronizer<Reading>(1, 2));
    }
}
