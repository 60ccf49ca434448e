package dev.umwelt.scenarios.generate;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Summary of a batch of generated episodes, to check that a suite is as hard as intended.
 * Quartiles use linear interpolation between order statistics (R type 7).
 */
public record DifficultyStats(int count, double geodesicQ1, double geodesicMedian, double geodesicQ3,
                              double shareOutOfView, double shareDistractorSharesAttribute,
                              double meanDistractors, double meanAttempts, SortedMap<Integer, Integer> roomHistogram) {

    public DifficultyStats {
        roomHistogram = Collections.unmodifiableSortedMap(new TreeMap<>(roomHistogram));
    }

    public static DifficultyStats of(List<Difficulty> ds) {
        if (ds.isEmpty()) throw new IllegalArgumentException("no episodes to summarise");
        double[] g = ds.stream().mapToDouble(Difficulty::geodesicDistance).sorted().toArray();
        int n = ds.size();
        SortedMap<Integer, Integer> rooms = new TreeMap<>();
        for (Difficulty d : ds) rooms.merge(d.rooms(), 1, Integer::sum);
        return new DifficultyStats(n, quantile(g, 0.25), quantile(g, 0.5), quantile(g, 0.75),
                share(ds.stream().filter(Difficulty::targetOutOfViewAtStart).count(), n),
                share(ds.stream().filter(Difficulty::distractorSharesAttribute).count(), n),
                ds.stream().mapToInt(Difficulty::distractors).average().orElse(0),
                ds.stream().mapToInt(Difficulty::attempts).average().orElse(0), rooms);
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double share(long k, int n) {
        return (double) k / n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "episodes:                  %d%n", count));
        sb.append(String.format(Locale.ROOT, "geodesic distance (m):     q1 %.2f  median %.2f  q3 %.2f%n", geodesicQ1, geodesicMedian, geodesicQ3));
        sb.append(String.format(Locale.ROOT, "target out of view:        %.1f%%%n", 100 * shareOutOfView));
        sb.append(String.format(Locale.ROOT, "distractor shares colour or shape: %.1f%% (mean %.2f per episode)%n",
                100 * shareDistractorSharesAttribute, meanDistractors));
        sb.append(String.format(Locale.ROOT, "attempts per episode:      mean %.2f%n", meanAttempts));
        sb.append("rooms:                    ");
        for (Map.Entry<Integer, Integer> e : roomHistogram.entrySet()) sb.append(' ').append(e.getKey()).append(": ").append(e.getValue());
        return sb.append(System.lineSeparator()).toString();
    }

}
