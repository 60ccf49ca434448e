package dev.umwelt.scenarios.generate;

import java.math.BigDecimal;

/**
 * Rounding that makes the YAML text stable: every number the generator uses is first rounded
 * (lengths to 3 decimals, degrees to 1), and its text is the exact decimal of that rounded value,
 * so parsing the text gives back the very same double.
 */
final class Num {
    private Num() {}

    static double len(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double deg(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String lenText(double v) {
        return BigDecimal.valueOf(Math.round(v * 1000), 3).stripTrailingZeros().toPlainString();
    }

    static String degText(double v) {
        return BigDecimal.valueOf(Math.round(v * 10), 1).stripTrailingZeros().toPlainString();
    }
}
