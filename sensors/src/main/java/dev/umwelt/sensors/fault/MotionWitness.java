package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.sensing.Odometry;

/**
 * Whether the robot moved between two instants, by odometry readings that passed every fault
 * rule: the evidence that makes identical camera frames or lidar scans a freeze rather than a
 * still robot in a still room. Odometry that is dropped, frozen or late records nothing, so a
 * faulty odometry can never make another sense look frozen. Poses by stamp, the last
 * {@value #CAPACITY} kept (10 s at 50 Hz; a freeze needs only the last few periods).
 */
public final class MotionWitness {
    /** A move this large changes a 128x96 frame of a room: 5 cm is >= 1 px at 2 m off-axis, 0.05 rad ~4 px. */
    public static final double MIN_TRANSLATION_M = 0.05, MIN_ROTATION_RAD = 0.05;
    static final int CAPACITY = 512;

    private final long[] stamps = new long[CAPACITY];
    private final double[] xs = new double[CAPACITY], ys = new double[CAPACITY], yaws = new double[CAPACITY];
    private int next, size;

    /** A healthy odometry reading; readings not newer than the last recorded one are ignored. */
    void record(Odometry o) {
        long t = o.stampNanos();
        if (size > 0 && t <= stamps[index(size - 1)]) return;
        stamps[next] = t;
        xs[next] = o.pose().x();
        ys[next] = o.pose().y();
        yaws[next] = o.pose().yaw();
        next = (next + 1) % CAPACITY;
        if (size < CAPACITY) size++;
    }

    /**
     * Whether healthy odometry stamped within {@code [fromNanos, toNanos]} shows the robot at least
     * {@link #MIN_TRANSLATION_M} or {@link #MIN_ROTATION_RAD} away from where it was at the first
     * of those readings. False when odometry does not cover the interval (nothing to say).
     */
    public boolean movedBetween(long fromNanos, long toNanos) {
        int first = -1;
        for (int k = 0; k < size; k++) {
            int i = index(k);
            if (stamps[i] < fromNanos) continue;
            if (stamps[i] > toNanos) break;
            if (first < 0) {
                first = i;
                continue;
            }
            if (Math.hypot(xs[i] - xs[first], ys[i] - ys[first]) >= MIN_TRANSLATION_M
                    || Math.abs(Angles.normalize(yaws[i] - yaws[first])) >= MIN_ROTATION_RAD) {
                return true;
            }
        }
        return false;
    }

    /** The k-th oldest kept entry's slot. */
    private int index(int k) {
        return (next - size + k + CAPACITY) % CAPACITY;
    }
}
