package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeometryTest {
    static List<Vec2> square(double x, double y, double half) {
        return List.of(new Vec2(x - half, y - half), new Vec2(x + half, y - half), new Vec2(x + half, y + half), new Vec2(x - half, y + half));
    }

    @Test
    void polygonGapIsExact() {
        assertEquals(1.0, Footprints.polygonGap(square(0, 0, 0.5), square(2, 0, 0.5)), 1e-12);
        assertEquals(0.0, Footprints.polygonGap(square(0, 0, 0.5), square(0.5, 0.5, 0.5)));
        // A thin bar crossing a square with no vertex inside the other (a plus sign) still overlaps.
        List<Vec2> bar = List.of(new Vec2(-2, -0.05), new Vec2(2, -0.05), new Vec2(2, 0.05), new Vec2(-2, 0.05));
        assertEquals(0.0, Footprints.polygonGap(square(0, 0, 0.5), bar));
    }

    @Test
    void numbersRoundTripThroughText() {
        assertEquals("1.235", Num.lenText(Num.len(1.23456)));
        assertEquals("2", Num.lenText(Num.len(2.0001)));
        assertEquals("-37.5", Num.degText(Num.deg(-37.54)));
        assertEquals(Num.len(0.1 + 0.2), Double.parseDouble(Num.lenText(0.1 + 0.2)));
    }
}
