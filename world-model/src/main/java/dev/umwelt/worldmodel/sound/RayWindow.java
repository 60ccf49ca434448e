package dev.umwelt.worldmodel.sound;

/**
 * The front/back bearing rays of the recent chunks, oldest first, in primitive ring buffers so
 * that the per-chunk solve walks flat arrays (the window holds ~300 rays at 10 chunks/s).
 * Directions are kept as unit vectors: every test the solver needs (which hypothesis is nearer,
 * the angle error, the Jacobian) is then a dot or cross product, no trigonometry per ray.
 */
final class RayWindow {
    private double[] ox = new double[64], oy = new double[64];
    private double[] fc = new double[64], fs = new double[64], bc = new double[64], bs = new double[64];
    private double[] weight = new double[64], levelDb = new double[64];
    private long[] stamp = new long[64];
    private int head, size;

    void add(double x, double y, double front, double back, double w, long stampNanos, double level) {
        if (size == stamp.length) grow();
        int i = (head + size) % stamp.length;
        ox[i] = x; oy[i] = y;
        fc[i] = Math.cos(front); fs[i] = Math.sin(front);
        bc[i] = Math.cos(back); bs[i] = Math.sin(back);
        weight[i] = w; stamp[i] = stampNanos; levelDb[i] = level;
        size++;
    }

    /** Drops rays stamped more than {@code window} before {@code now}; true if any went. */
    boolean expire(long now, long window) {
        boolean any = false;
        while (size > 0 && now - stamp[head] > window) {
            head = (head + 1) % stamp.length;
            size--;
            any = true;
        }
        return any;
    }

    int size() { return size; }

    private int at(int k) { return (head + k) % stamp.length; }

    long stamp(int k) { return stamp[at(k)]; }
    double levelDb(int k) { return levelDb[at(k)]; }

    /** Copies the window, oldest first, into parallel arrays of length {@link #size()}. */
    Flat flat() {
        int n = size;
        Flat f = new Flat(n);
        for (int k = 0; k < n; k++) {
            int i = at(k);
            f.ox[k] = ox[i]; f.oy[k] = oy[i];
            f.fc[k] = fc[i]; f.fs[k] = fs[i]; f.bc[k] = bc[i]; f.bs[k] = bs[i];
            f.w[k] = weight[i];
        }
        return f;
    }

    /** A contiguous snapshot of the window for the solver's inner loops. */
    static final class Flat {
        final int n;
        final double[] ox, oy, fc, fs, bc, bs, w;

        Flat(int n) {
            this.n = n;
            ox = new double[n]; oy = new double[n];
            fc = new double[n]; fs = new double[n]; bc = new double[n]; bs = new double[n];
            w = new double[n];
        }
    }

    private void grow() {
        int cap = stamp.length * 2;
        ox = unroll(ox, cap); oy = unroll(oy, cap);
        fc = unroll(fc, cap); fs = unroll(fs, cap); bc = unroll(bc, cap); bs = unroll(bs, cap);
        weight = unroll(weight, cap); levelDb = unroll(levelDb, cap);
        long[] s = new long[cap];
        for (int k = 0; k < size; k++) s[k] = stamp[at(k)];
        stamp = s;
        head = 0;
    }

    private double[] unroll(double[] a, int cap) {
        double[] out = new double[cap];
        for (int k = 0; k < size; k++) out[k] = a[(head + k) % a.length];
        return out;
    }
}
