package dev.umwelt.sensors.sync;

import dev.umwelt.bus.Stamped;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups readings of N streams into sets of one reading per stream whose stamps are close, with
 * the semantics of ROS message_filters' ApproximateTime policy (no epsilon: it finds the best
 * match). Properties of the output (the span of a set is its latest stamp minus its earliest):
 * <ul>
 *   <li>each reading is used at most once; unused readings are dropped;</li>
 *   <li>sets do not cross: for consecutive sets S, T, S_i &lt;= T_i for every stream i;</li>
 *   <li>sets are contiguous: for consecutive sets there is at least one stream with no dropped
 *       reading between them (no other set could be formed from the dropped ones);</li>
 *   <li>each set has the smallest span among the sets contiguous to the previous one;</li>
 *   <li>the output depends on the stamps only, not on how arrivals interleave across streams,
 *       provided each stream arrives in stamp order and the queues do not overflow.</li>
 * </ul>
 *
 * <p>Algorithm (message_filters' approximate_time.h, age penalty 0, no inter-reading bound).
 * Each stream has a queue of unexamined readings and a "past" list of readings examined for the
 * current candidate. Whenever every queue is non-empty:
 * <ol>
 *   <li>start = the stream whose head is earliest, end = the stream whose head is latest.</li>
 *   <li>No candidate yet: if the heads' span exceeds the maximum interval, delete start's head
 *       and retry. Otherwise the heads become the candidate; end becomes the PIVOT (every
 *       candidate of this round contains the pivot reading) and the pivot time is its stamp.</li>
 *   <li>A candidate exists: if the heads span less than the candidate, they replace it (past
 *       readings are then discarded: they precede a better candidate).</li>
 *   <li>Move start's head to its past (it has been tried as the earliest member).</li>
 *   <li>Publish the candidate if start was the pivot (every set containing the pivot reading has
 *       been tried), or if (end - candidateEnd) &gt;= (pivotTime - candidateStart): any later
 *       set grows at the end by at least what it could gain at the start, so none is smaller.</li>
 *   <li>Otherwise, if some queue is empty, try virtual moves: an empty queue's next reading
 *       cannot be earlier than the pivot time, so use that as its head and keep moving start
 *       heads to past. If the bound above proves optimality, publish; if a virtual set could
 *       beat the candidate, undo the virtual moves and wait for more readings.</li>
 * </ol>
 * Publishing moves every past reading back to its queue and removes the candidate's readings,
 * so the next round starts from the readings that follow them.
 *
 * <p>Beyond message_filters: a reading stamped before its stream's last accepted reading is
 * rejected (counted), since the algorithm needs each stream in stamp order; and {@link #flush()}
 * ends the streams, publishing the pending candidate (nothing can arrive to beat it).
 *
 * <p>Each queue (unexamined plus past) holds at most {@code queueSize} readings; on overflow the
 * search is cancelled and the stream's oldest reading is dropped (counted), and that stream may
 * not be the pivot until another stream's head is the latest, as a dropped reading might have
 * made a better set. Not thread-safe.
 */
public final class ApproximateTimeSynchronizer<T extends Stamped> {
    private static final int NO_PIVOT = -1;

    private final int n;
    private final int queueSize;
    private final long maxIntervalNanos;
    private final ArrayDeque<T>[] queues;
    private final ArrayDeque<T>[] past;
    private final long[] lastAccepted;
    private final boolean[] hasDropped;
    private final List<T> candidate = new ArrayList<>();
    private int nonEmpty;
    private int pivot = NO_PIVOT;
    private long pivotTime;
    private long candidateStart;
    private long candidateEnd;
    private long rejectedOutOfOrder;
    private long droppedQueueFull;
    private List<SyncedSet<T>> out = new ArrayList<>();

    /** No maximum interval. */
    public ApproximateTimeSynchronizer(int streams, int queueSize) {
        this(streams, queueSize, Long.MAX_VALUE);
    }

    /** Sets whose span would exceed {@code maxIntervalNanos} are never emitted. */
    @SuppressWarnings("unchecked")
    public ApproximateTimeSynchronizer(int streams, int queueSize, long maxIntervalNanos) {
        if (streams < 2) throw new IllegalArgumentException("need at least 2 streams: " + streams);
        if (queueSize < 1) throw new IllegalArgumentException("queue size must be positive: " + queueSize);
        if (maxIntervalNanos < 0) throw new IllegalArgumentException("max interval is negative: " + maxIntervalNanos);
        this.n = streams;
        this.queueSize = queueSize;
        this.maxIntervalNanos = maxIntervalNanos;
        queues = new ArrayDeque[n];
        past = new ArrayDeque[n];
        for (int i = 0; i < n; i++) {
            queues[i] = new ArrayDeque<>();
            past[i] = new ArrayDeque<>();
        }
        lastAccepted = new long[n];
        java.util.Arrays.fill(lastAccepted, Long.MIN_VALUE);
        hasDropped = new boolean[n];
    }

    /** Offers a reading of {@code stream}; returns the sets it completed, oldest first (often none). */
    public List<SyncedSet<T>> offer(int stream, T reading) {
        Objects.checkIndex(stream, n);
        Objects.requireNonNull(reading, "reading");
        long t = reading.stampNanos();
        if (t < lastAccepted[stream]) {
            rejectedOutOfOrder++;
            return List.of();
        }
        lastAccepted[stream] = t;
        ArrayDeque<T> q = queues[stream];
        q.addLast(reading);
        // Only a queue turning non-empty can unblock the search: decisions look at heads only.
        if (q.size() == 1 && ++nonEmpty == n) process();
        if (q.size() + past[stream].size() > queueSize) {
            recoverAll();
            q.pollFirst();
            droppedQueueFull++;
            hasDropped[stream] = true;
            nonEmpty = countNonEmpty();
            if (pivot != NO_PIVOT) {
                candidate.clear();
                pivot = NO_PIVOT;
            }
            process();
        }
        return drain();
    }

    /** Ends the streams: publishes what can still be, then forgets every queued reading. */
    public List<SyncedSet<T>> flush() {
        // With no more readings, an empty queue's next head is "never": the bound that proves
        // a candidate optimal holds, so each pending candidate is published as is.
        while (pivot != NO_PIVOT) {
            publish();
            process();
        }
        for (int i = 0; i < n; i++) {
            queues[i].clear();
            past[i].clear();
        }
        nonEmpty = 0;
        return drain();
    }

    public int streams() {
        return n;
    }

    /** Readings refused because they were stamped before their stream's previous reading. */
    public long rejectedOutOfOrder() {
        return rejectedOutOfOrder;
    }

    /** Readings dropped because their stream's queue was full. */
    public long droppedQueueFull() {
        return droppedQueueFull;
    }

    private List<SyncedSet<T>> drain() {
        if (out.isEmpty()) return List.of();
        List<SyncedSet<T>> done = out;
        out = new ArrayList<>();
        return done;
    }

    private void process() {
        while (nonEmpty == n) {
            int end = boundary(true, false);
            int start = boundary(false, false);
            long endTime = queues[end].peekFirst().stampNanos();
            long startTime = queues[start].peekFirst().stampNanos();
            // Streams other than end: no dropped reading could have beaten the heads we have.
            for (int i = 0; i < n; i++) if (i != end) hasDropped[i] = false;
            if (pivot == NO_PIVOT) {
                if (endTime - startTime > maxIntervalNanos || hasDropped[end]) {
                    deleteFront(start);
                    continue;
                }
                makeCandidate(startTime, endTime);
                pivot = end;
                pivotTime = endTime;
            } else if (endTime - candidateEnd < startTime - candidateStart) {
                makeCandidate(startTime, endTime); // smaller span than the candidate
            }
            moveFrontToPast(start);
            if (start == pivot || endTime - candidateEnd >= pivotTime - candidateStart) {
                publish();
            } else if (nonEmpty < n) {
                virtualSearch();
            }
        }
    }

    /** Moves start heads past empty queues assumed to resume at the pivot time (see class doc). */
    private void virtualSearch() {
        int[] moves = new int[n];
        while (true) {
            int end = boundary(true, true);
            int start = boundary(false, true);
            long endTime = virtualHead(end);
            long startTime = virtualHead(start);
            if (endTime - candidateEnd >= pivotTime - candidateStart) {
                publish(); // optimal whatever arrives later
                return;
            }
            if (endTime - candidateEnd < startTime - candidateStart) {
                // A later set might beat the candidate: wait for readings.
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < moves[i]; k++) queues[i].addFirst(past[i].pollLast());
                }
                nonEmpty = countNonEmpty();
                return;
            }
            // start cannot be the pivot here (then start == pivot time and one test above holds),
            // and it is a real head: a virtual head equals the pivot time.
            moveFrontToPast(start);
            moves[start]++;
        }
    }

    private long virtualHead(int i) {
        T head = queues[i].peekFirst();
        return head == null ? pivotTime : head.stampNanos();
    }

    /** Latest head (ties: last stream) or earliest head (ties: first stream). */
    private int boundary(boolean latest, boolean virtual) {
        int best = 0;
        long bestTime = virtual ? virtualHead(0) : queues[0].peekFirst().stampNanos();
        for (int i = 1; i < n; i++) {
            long t = virtual ? virtualHead(i) : queues[i].peekFirst().stampNanos();
            if (latest ? t >= bestTime : t < bestTime) {
                best = i;
                bestTime = t;
            }
        }
        return best;
    }

    private void makeCandidate(long start, long end) {
        candidate.clear();
        for (int i = 0; i < n; i++) {
            candidate.add(queues[i].peekFirst());
            past[i].clear(); // they precede the new candidate's readings: never usable again
        }
        candidateStart = start;
        candidateEnd = end;
    }

    private void publish() {
        out.add(new SyncedSet<>(candidateEnd - candidateStart, candidate));
        recoverAll();
        // After recovery the candidate's readings are the heads again: consume them.
        for (int i = 0; i < n; i++) {
            T head = queues[i].pollFirst();
            if (head != candidate.get(i)) throw new IllegalStateException("candidate lost in stream " + i);
        }
        candidate.clear();
        pivot = NO_PIVOT;
        nonEmpty = countNonEmpty();
    }

    private void recoverAll() {
        for (int i = 0; i < n; i++) {
            while (!past[i].isEmpty()) queues[i].addFirst(past[i].pollLast());
        }
        nonEmpty = countNonEmpty();
    }

    private void moveFrontToPast(int i) {
        past[i].addLast(queues[i].pollFirst());
        if (queues[i].isEmpty()) nonEmpty--;
    }

    private void deleteFront(int i) {
        queues[i].pollFirst();
        if (queues[i].isEmpty()) nonEmpty--;
    }

    private int countNonEmpty() {
        int c = 0;
        for (ArrayDeque<T> q : queues) if (!q.isEmpty()) c++;
        return c;
    }
}
