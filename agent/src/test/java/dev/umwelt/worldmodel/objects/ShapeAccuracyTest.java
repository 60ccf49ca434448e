package dev.umwelt.worldmodel.objects;

import dev.umwelt.scenarios.generate.Split;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector's shape per sighting on a fixed set of generated train scenarios (12 scenarios,
 * 4 views of every primitive at 1.1-5.5 m from its surface, one frame each, DR as generated).
 * Wrong round shapes are what time episodes out (the explorer stops only at a matching shape).
 */
class ShapeAccuracyTest {
    @Test
    void roundShapesAreRarelyWrongAndOftenNamed() {
        ShapeViews.Confusion c = new ShapeViews.Confusion();
        int views = 0;
        for (ShapeViews.View v : ShapeViews.collect(Split.TRAIN, 0, 12, 4, 1.1, 5.5)) {
            views++;
            if (v.sighting() != null) c.add(v.object().shape(), v.sighting().shape());
        }
        System.out.printf("shape accuracy: %d views, %d sightings, right %d, null %d, wrong %d (round objects wrong %d)%n%s",
                views, c.total(), c.right(), c.unknown(), c.wrong(), c.wrongRound(), c);
        assertTrue(c.total() >= 150, "too few sightings: " + c.total());
        assertTrue(c.wrongRound() <= 0.02 * c.total(), "round objects' shape wrong " + c.wrongRound() + " of " + c.total());
        assertTrue(c.wrong() <= 0.03 * c.total(), "shape wrong " + c.wrong() + " of " + c.total());
        assertTrue(c.right() >= 0.6 * c.total(), "shape right " + c.right() + " of " + c.total());
    }
}
