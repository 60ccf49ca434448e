package dev.umwelt.agent.worldmodel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingSimTest {
    private static SimMapping.Result run(String name) {
        SimMapping.Result r = SimMapping.run(SimMapping.drifting(name), 60, 7);
        System.out.printf("%s: travelled %.1f m, odom error %.3f m, corrected %.3f m (max %.3f), IoU %.3f, matches %d rejected %d%n",
                r.name(), r.travelled(), r.odomError(), r.correctedError(), r.maxCorrectedError(), r.iou(), r.matches(), r.rejected());
        return r;
    }

    @Test
    void fourRoomApartment() { check(run("four-room-apartment")); }

    @Test
    void twoRoomOffsetDoors() { check(run("two-room-offset-doors")); }

    @Test
    void clutteredOffice() { check(run("cluttered-office")); }

    private static void check(SimMapping.Result r) {
        assertTrue(r.odomError() > 0.3, "odometry drift too small to test correction: " + r.odomError());
        assertTrue(r.correctedError() < 0.1, "corrected pose error " + r.correctedError());
        assertTrue(r.iou() >= 0.9, "free-space IoU " + r.iou());
    }
}
