package dev.umwelt.scenarios.world;

import dev.umwelt.bus.Vec2;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WallTest {
    @Test
    void distanceIsToTheRectangleWithSquareEnds() {
        Wall w = new Wall(new Vec2(0, 0), new Vec2(4, 0), 0.2, 1);
        assertEquals(0.0, w.distanceTo(new Vec2(2, 0.05)), 1e-12, "inside");
        assertEquals(0.9, w.distanceTo(new Vec2(2, 1.0)), 1e-12, "beside");
        assertEquals(0.5, w.distanceTo(new Vec2(4.5, 0.1)), 1e-12, "off the square end, within its width");
        assertEquals(Math.hypot(0.5, 0.4), w.distanceTo(new Vec2(-0.5, -0.5)), 1e-12, "off the corner");
        Wall rotated = new Wall(new Vec2(1, 1), new Vec2(1 + 3 * Math.cos(0.7), 1 + 3 * Math.sin(0.7)), 0.1, 1);
        Vec2 side = new Vec2(1, 1).plus(new Vec2(Math.cos(0.7), Math.sin(0.7)).times(1.5))
                .plus(new Vec2(-Math.sin(0.7), Math.cos(0.7)).times(0.45));
        assertEquals(0.4, rotated.distanceTo(side), 1e-12, "rotated wall, perpendicular");
    }
}
