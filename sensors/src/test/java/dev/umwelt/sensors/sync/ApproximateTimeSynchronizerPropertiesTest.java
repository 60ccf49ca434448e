package dev.umwelt.sensors.sync;

import dev.umwelt.sensors.sync.Streams.Reading;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The message_filters ApproximateTime properties, over random streams and arrival orders.
 * Queues are large enough never to overflow unless a property says otherwise: overflow makes the
 * output depend on arrival order by design.
 */
class ApproximateTimeSynchronizerPropertiesTest {
    private static final int BIG_QUEUE = 1_000;

    private static List<SyncedSet<Reading>> sync(List<List<Reading>> streams, long order, long maxInterval) {
        var s = new ApproximateTimeSynchronizer<Reading>(streams.size(), BIG_QUEUE, maxInterval);
        List<SyncedSet<Reading>> out = Streams.run(s, Streams.interleave(streams, order));
        assertEquals(0, s.droppedQueueFull());
        assertEquals(0, s.rejectedOutOfOrder());
        return out;
    }

    @Property(tries = 300)
    void eachReadingUsedAtMostOnceAndSetsAreWellFormed(@ForAll @IntRange(min = 2, max = 4) int n,
                                                       @ForAll long seed, @ForAll long order) {
        List<List<Reading>> streams = Streams.generate(n, seed, 40);
        Set<Reading> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SyncedSet<Reading> set : sync(streams, order, Long.MAX_VALUE)) {
            assertEquals(n, set.readings().size());
            for (int i = 0; i < n; i++) {
                assertEquals(i, set.get(i).stream(), "reading of stream i sits at index i");
                assertTrue(used.add(set.get(i)), "used twice: " + set.get(i));
            }
            assertEquals(Streams.span(set.readings()), set.spanNanos());
        }
    }

    @Property(tries = 300)
    void setsDoNotCross(@ForAll @IntRange(min = 2, max = 4) int n, @ForAll long seed, @ForAll long order) {
        List<SyncedSet<Reading>> out = sync(Streams.generate(n, seed, 40), order, Long.MAX_VALUE);
        for (int k = 1; k < out.size(); k++) {
            for (int i = 0; i < n; i++) {
                assertTrue(out.get(k).get(i).stampNanos() > out.get(k - 1).get(i).stampNanos(),
                        "stream " + i + " goes back between " + out.get(k - 1) + " and " + out.get(k));
            }
        }
    }

    @Property(tries = 300)
    void setsAreContiguous(@ForAll @IntRange(min = 2, max = 4) int n, @ForAll long seed, @ForAll long order) {
        List<List<Reading>> streams = Streams.generate(n, seed, 40);
        List<SyncedSet<Reading>> out = sync(streams, order, Long.MAX_VALUE);
        boolean anyEmpty = streams.stream().anyMatch(List::isEmpty);
        assertEquals(anyEmpty, out.isEmpty(), "a set exists iff every stream has a reading");
        for (int k = 0; k < out.size(); k++) {
            // Some stream has no unused reading between the previous set (or the start) and this one.
            boolean contiguous = false;
            for (int i = 0; i < n; i++) {
                int expected = k == 0 ? 0 : out.get(k - 1).get(i).seq() + 1;
                contiguous |= out.get(k).get(i).seq() == expected;
            }
            assertTrue(contiguous, "set " + k + " " + out.get(k) + " leaves a gap in every stream");
        }
    }

    @Property(tries = 500)
    void everySetHasTheSmallestSpanAmongSetsContiguousToThePreviousOne(
            @ForAll @IntRange(min = 2, max = 4) int n, @ForAll long seed, @ForAll long order) {
        List<List<Reading>> streams = Streams.generate(n, seed, 6); // small: brute force is exponential in n
        List<SyncedSet<Reading>> out = sync(streams, order, Long.MAX_VALUE);
        if (out.isEmpty()) return;
        assertEquals(Streams.bestContiguousSpan(streams, null), out.get(0).spanNanos(), "first set " + out.get(0));
        for (int k = 1; k < out.size(); k++) {
            assertEquals(Streams.bestContiguousSpan(streams, out.get(k - 1)), out.get(k).spanNanos(),
                    "set " + k + " " + out.get(k) + " after " + out.get(k - 1));
        }
    }

    @Property(tries = 300)
    void outputDependsOnStampsNotOnArrivalOrder(@ForAll @IntRange(min = 2, max = 4) int n, @ForAll long seed,
                                                @ForAll long order1, @ForAll long order2) {
        List<List<Reading>> streams = Streams.generate(n, seed, 40);
        List<SyncedSet<Reading>> a = sync(streams, order1, Long.MAX_VALUE);
        List<SyncedSet<Reading>> b = sync(streams, order2, Long.MAX_VALUE);
        assertEquals(a, b); // records: same readings (same objects' values) and spans
    }

    @Property(tries = 300)
    void maxIntervalIsRespectedAndOrderStillIrrelevant(@ForAll @IntRange(min = 2, max = 4) int n,
                                                       @ForAll long seed, @ForAll long order1, @ForAll long order2,
                                                       @ForAll @IntRange(min = 0, max = 60) int maxMs) {
        List<List<Reading>> streams = Streams.generate(n, seed, 40);
        long max = maxMs * Streams.MS;
        List<SyncedSet<Reading>> a = sync(streams, order1, max);
        for (SyncedSet<Reading> set : a) assertTrue(set.spanNanos() <= max, set + " spans more than " + max);
        for (int k = 1; k < a.size(); k++) {
            for (int i = 0; i < n; i++) assertTrue(a.get(k).get(i).seq() > a.get(k - 1).get(i).seq());
        }
        assertEquals(a, sync(streams, order2, max));
    }

    @Property(tries = 200)
    void overflowingQueuesDropOldestButKeepOrderAndUniqueness(@ForAll @IntRange(min = 2, max = 4) int n,
                                                              @ForAll long seed, @ForAll long order,
                                                              @ForAll @IntRange(min = 1, max = 4) int queue) {
        List<List<Reading>> streams = Streams.generate(n, seed, 40);
        var s = new ApproximateTimeSynchronizer<Reading>(n, queue);
        List<SyncedSet<Reading>> out = Streams.run(s, Streams.interleave(streams, order));
        Set<Reading> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < out.size(); k++) {
            for (int i = 0; i < n; i++) {
                assertTrue(used.add(out.get(k).get(i)));
                if (k > 0) assertTrue(out.get(k).get(i).seq() > out.get(k - 1).get(i).seq());
            }
        }
        assertEquals(0, s.rejectedOutOfOrder());
    }

    @Property(tries = 200)
    void readingsOlderThanTheirStreamsLastAreRejectedAndCounted(@ForAll @IntRange(min = 2, max = 4) int n,
                                                                @ForAll long seed, @ForAll long order) {
        List<List<Reading>> streams = Streams.generate(n, seed, 20);
        var s = new ApproximateTimeSynchronizer<Reading>(n, BIG_QUEUE);
        var clean = new ApproximateTimeSynchronizer<Reading>(n, BIG_QUEUE);
        List<Reading> arrivals = Streams.interleave(streams, order);
        List<SyncedSet<Reading>> out = new java.util.ArrayList<>();
        int stale = 0;
        for (Reading r : arrivals) {
            out.addAll(s.offer(r.stream(), r));
            if (r.seq() > 0) { // replay the stream's previous reading: out of order now
                assertEquals(List.of(), s.offer(r.stream(), streams.get(r.stream()).get(r.seq() - 1)));
                stale++;
            }
        }
        out.addAll(s.flush());
        assertEquals(stale, s.rejectedOutOfOrder());
        assertEquals(Streams.run(clean, arrivals), out, "rejected readings change nothing");
    }
}
