package dev.umwelt.sensors;

/** Order statistics without sorting: a median per scan, frame or audio chunk in linear time. */
public final class Selection {
    private Selection() {}

    /** The k-th smallest (0-based) of {@code a[0, length)}, partially reordering it; quickselect, no allocation. */
    public static double nth(double[] a, int length, int k) {
        int lo = 0, hi = length - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) { double t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }
}
