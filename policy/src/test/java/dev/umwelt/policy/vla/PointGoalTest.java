package dev.umwelt.policy.vla;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@link PointGoal}: two numbers in any phrasing are the map point, x first unless labelled otherwise; anything else is none. */
class PointGoalTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", value = {
            // the generator's phrasings (scenarios Split), train / val / test
            "go to 3.5, -2 | 3.5 | -2",
            "head to position -1.2, 0.4 | -1.2 | 0.4",
            "make your way to the point 2, 3 | 2 | 3",
            "drive to coordinates 0.5, -4.25 | 0.5 | -4.25",
            "reach the location x 1.5, y -0.5 | 1.5 | -0.5",
            // free ones
            "would you kindly roll over to (4, 2) please | 4 | 2",
            "x=1 y=-0.5 is where I want you | 1 | -0.5",
            "go to y 2, x 1 | 1 | 2",
            "the spot at y: -3 and x: 7 | 7 | -3",
            "please go to +2.0 and -1.0 | 2 | -1",
            "navigate to 3 \u22122 | 3 | -2",
            "go to the point 10,20 | 10 | 20",
    })
    void twoNumbersAreThePoint(String text, double x, double y) {
        double[] p = PointGoal.of(text).orElseThrow(() -> new AssertionError("no point in: " + text));
        assertEquals(x, p[0], 1e-12, text);
        assertEquals(y, p[1], 1e-12, text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "go to the red box",
            "go to 3.5",
            "go to 1, 2, 3",
            "find room2b and the r2d2 unit",
            "head towards the beeping alarm",
    })
    void otherCountsOfNumbersAreNoPoint(String text) {
        assertEquals(Optional.empty(), PointGoal.of(text).map(p -> p[0] + ", " + p[1]), text);
    }
}
