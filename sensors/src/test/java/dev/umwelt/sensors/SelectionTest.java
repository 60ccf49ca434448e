package dev.umwelt.sensors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Selection must pick exactly what sorting would, duplicates and all. */
class SelectionTest {

    @Test
    void nthIsTheSortedElement() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[1 + r.nextInt(600)];
            for (int i = 0; i < a.length; i++) a[i] = trial % 3 == 0 ? r.nextInt(5) : r.nextGaussian();
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(a.length);
            assertEquals(sorted[k], Selection.nth(a, a.length, k), "trial " + trial);
        }
    }

    @Property(tries = 500)
    void selectsTheSameElementAsSortingOverAPrefix(@ForAll @Size(min = 1, max = 400) List<@DoubleRange(min = -3, max = 3) Double> values,
                                                   @ForAll @IntRange(min = 0, max = 399) int nthSeed,
                                                   @ForAll @IntRange(min = 0, max = 20) int tail,
                                                   @ForAll boolean coarse) {
        double[] d = values.stream().mapToDouble(v -> coarse ? Math.round(v) : v).toArray(); // coarse: many ties
        int nth = nthSeed % d.length;
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        // Only the first d.length entries count: what follows them must be ignored.
        double[] padded = Arrays.copyOf(d, d.length + tail);
        Arrays.fill(padded, d.length, padded.length, -100);
        assertEquals(sorted[nth], Selection.nth(padded, d.length, nth));
    }
}
