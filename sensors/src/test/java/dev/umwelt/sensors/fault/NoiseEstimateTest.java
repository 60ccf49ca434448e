package dev.umwelt.sensors.fault;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lidar/camera noise estimate is the median |second difference| over 0.6745 sqrt 6 (its median now selected, not sorted). */
class NoiseEstimateTest {

    @Property(tries = 100)
    void noiseEstimateIsTheMedianOfSecondDifferences(@ForAll @Size(min = 12, max = 360) List<@DoubleRange(min = 0.1, max = 12) Double> ranges) {
        double[] r = ranges.stream().mapToDouble(Double::doubleValue).toArray();
        double[] d = new double[r.length - 2];
        for (int i = 1; i + 1 < r.length; i++) d[i - 1] = Math.abs(r[i - 1] - 2 * r[i] + r[i + 1]);
        Arrays.sort(d);
        double expected = d[d.length / 2] / (0.6745 * Math.sqrt(6));
        assertEquals(expected, ContentRules.noiseEstimate(r.length, i -> r[i]), 1e-12);
    }
}
