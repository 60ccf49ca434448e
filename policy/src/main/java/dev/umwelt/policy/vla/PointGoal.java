package dev.umwelt.policy.vla;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PointNav goal of an instruction, read tolerantly: any phrasing holding exactly two numbers
 * is a point ("go to 3.5, -2", "would you kindly roll over to x=1 y=-0.5", "(4, 2) please"). The
 * numbers are map-frame metres (the scenario's frame, which the world model's {@code map} is),
 * x first, as the generator writes them ({@code {x}, {y}}) and the explorer's parser reads them;
 * a number labelled "y" before one labelled "x" ("y 2, x 1") swaps them. Any other count of
 * numbers (none, one, three) is no point: the goal input is then absent. Digits only, no number
 * words. Stateless.
 */
public final class PointGoal {
    /** A signed decimal, optionally labelled "x" or "y" ("x 1", "x=1", "y: -2"); a comma never joins digits. */
    private static final Pattern NUMBER = Pattern.compile("(?:\\b([xy])\\s*[:=]?\\s*)?(?<![\\w.])([-+\\u2212]?\\d+(?:\\.\\d+)?)(?![\\w])");

    private PointGoal() {}

    /** The map-frame point (x, y) in metres, or empty when the text does not hold exactly two numbers. */
    public static Optional<double[]> of(String text) {
        if (text == null) return Optional.empty();
        Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
        List<double[]> found = new ArrayList<>(); // value, axis: 0 none, 1 x, 2 y
        while (m.find()) {
            double v = Double.parseDouble(m.group(2).replace('\u2212', '-'));
            found.add(new double[] {v, m.group(1) == null ? 0 : m.group(1).equals("x") ? 1 : 2});
            if (found.size() > 2) return Optional.empty();
        }
        if (found.size() != 2) return Optional.empty();
        double[] a = found.get(0), b = found.get(1);
        boolean swapped = a[1] == 2 || b[1] == 1;
        if (a[1] != 0 && a[1] == b[1]) swapped = false; // "x 1, x 2": taken in order rather than refused
        return Optional.of(swapped ? new double[] {b[0], a[0]} : new double[] {a[0], b[0]});
    }
}
