package dev.umwelt.sensors.sync;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random sensor streams for the synchronizer's properties: rates, jitter, drops, interleavings. */
final class Streams {
    static final long MS = 1_000_000L;

    private Streams() {}

    /** {@code seq}: index of the reading in its stream, so gaps between sets can be counted. */
    record Reading(int stream, int seq, Header header) implements Stamped {
        @Override
        public String toString() {
            return stream + "#" + seq + "@" + header.stampNanos();
        }
    }

    /**
     * {@code n} streams, each with its own period (5-50 ms), phase, jitter (up to a third of a
     * period), drop rate (up to 30 %) and at most {@code maxPerStream} readings, each stream in
     * strictly increasing stamp order.
     */
    static List<List<Reading>> generate(int n, long seed, int maxPerStream) {
        Random rnd = new Random(seed);
        List<List<Reading>> streams = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            long period = (5 + rnd.nextInt(46)) * MS;
            long phase = (long) (rnd.nextDouble() * 2 * period);
            long jitter = (long) (rnd.nextDouble() * period / 3);
            double drop = rnd.nextDouble() * 0.3;
            int count = 1 + rnd.nextInt(maxPerStream);
            List<Long> stamps = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                if (rnd.nextDouble() < drop) continue;
                long t = phase + k * period + (jitter == 0 ? 0 : (long) ((rnd.nextDouble() * 2 - 1) * jitter));
                stamps.add(t);
            }
            stamps.sort(null);
            List<Reading> readings = new ArrayList<>();
            long prev = Long.MIN_VALUE;
            for (long t : stamps) {
                if (t <= prev) t = prev + 1; // jitter may reorder or tie: keep each stream strictly increasing
                readings.add(new Reading(s, readings.size(), new Header(t, "s" + s)));
                prev = t;
            }
            streams.add(readings);
        }
        return streams;
    }

    /** A random arrival order that keeps each stream's own order (arbitrary cross-stream delays). */
    static List<Reading> interleave(List<List<Reading>> streams, long seed) {
        Random rnd = new Random(seed);
        int[] next = new int[streams.size()];
        List<Reading> order = new ArrayList<>();
        int left = streams.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int s = rnd.nextInt(streams.size());
            if (next[s] == streams.get(s).size()) continue;
            order.add(streams.get(s).get(next[s]++));
            left--;
        }
        return order;
    }

    /** Everything the synchronizer emits for this arrival order, flush included. */
    static List<SyncedSet<Reading>> run(ApproximateTimeSynchronizer<Reading> sync, List<Reading> arrivals) {
        List<SyncedSet<Reading>> out = new ArrayList<>();
        for (Reading r : arrivals) out.addAll(sync.offer(r.stream(), r));
        out.addAll(sync.flush());
        return out;
    }

    static long span(List<Reading> set) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (Reading r : set) {
            lo = Math.min(lo, r.stampNanos());
            hi = Math.max(hi, r.stampNanos());
        }
        return hi - lo;
    }

    /**
     * Brute force: the smallest span among sets that come after {@code prev} in every stream and
     * are contiguous to it (in some stream, the reading right after prev's). {@code prev == null}:
     * before the first set, "right after" means the stream's first reading. -1 if none exists.
     */
    static long bestContiguousSpan(List<List<Reading>> streams, SyncedSet<Reading> prev) {
        int n = streams.size();
        int[] from = new int[n];
        for (int i = 0; i < n; i++) from[i] = prev == null ? 0 : prev.get(i).seq() + 1;
        return search(streams, from, new int[n], 0, false);
    }

    private static long search(List<List<Reading>> streams, int[] from, int[] pick, int i, boolean contiguous) {
        if (i == streams.size()) {
            if (!contiguous) return -1;
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (int s = 0; s < pick.length; s++) {
                long t = streams.get(s).get(pick[s]).stampNanos();
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
            return hi - lo;
        }
        long best = -1;
        for (int k = from[i]; k < streams.get(i).size(); k++) {
            pick[i] = k;
            long s = search(streams, from, pick, i + 1, contiguous || k == from[i]);
            if (s >= 0 && (best < 0 || s < best)) best = s;
        }
        return best;
    }
}
