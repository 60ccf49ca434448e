package dev.umwelt.agent.safety;

import dev.umwelt.agent.Catalog;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.bus.robot.RobotDescription;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SafetyShieldTest {
    static final RobotDescription ROBOT = ScenarioLoader.load(Catalog.scenario("single-room")).robot();
    static final int BEAMS = 360;

    /** A full-circle scan whose beams all read {@code range}, except where {@code wallAhead} gives a wall x metres ahead of the lidar. */
    static LidarScan scan(float fill, double wallAhead) {
        float[] r = new float[BEAMS];
        Arrays.fill(r, fill);
        float inc = (float) (2 * Math.PI / BEAMS);
        float min = (float) -Math.PI;
        if (wallAhead > 0) {
            for (int i = 0; i < BEAMS; i++) {
                double a = min + i * inc;
                if (Math.cos(a) > 1e-3) {
                    double d = wallAhead / Math.cos(a);
                    if (d < 12) r[i] = (float) d;
                }
            }
        }
        return new LidarScan(new Header(0, Frames.LASER), min, inc, 0, 0.05f, 0.12f, 12f, r, null);
    }

    @Test
    void wallHalfAMetreAheadAtFullSpeedIsApproachedButNeverTouched() {
        SafetyShield shield = new SafetyShield(ROBOT);
        double vmax = ROBOT.limits().maxLinearVelocity();
        double wall = 0.5 + ROBOT.lidar().mount().x(); // 0.5 m ahead of base_link
        SafetyShield.Decision d = shield.filter(new Twist2D(vmax, 0), scan(Float.POSITIVE_INFINITY, 0.5));
        assertTrue(d.intervened());
        assertTrue(d.scale() < 1 && d.scale() >= 0, "scale " + d.scale());
        // Driving the passed twist for the whole horizon stops the footprint short of the wall.
        double travel = d.twist().linear() * shield.horizonSeconds();
        assertTrue(travel + ROBOT.footprintRadius() + ROBOT.safetyMargin() <= wall + 1e-3,
                "travel " + travel + " into a wall at " + wall);
        assertEquals(0, d.twist().angular(), 1e-12);
        // Up against the wall (within the crawl clearance): no forward motion at all, but turning in place is allowed.
        SafetyShield.Decision close = shield.filter(new Twist2D(vmax, 0), scan(Float.POSITIVE_INFINITY, ROBOT.footprintRadius() + SafetyShield.CRAWL_CLEARANCE - ROBOT.lidar().mount().x()));
        assertEquals(0, close.twist().linear(), 1e-9);
        assertFalse(shield.filter(new Twist2D(0, 1.0), scan(Float.POSITIVE_INFINITY, 0.2)).intervened());
    }

    @Test
    void openSpaceAndInfOnlyScansPassUntouched() {
        SafetyShield shield = new SafetyShield(ROBOT);
        Twist2D full = new Twist2D(ROBOT.limits().maxLinearVelocity(), 1.0);
        SafetyShield.Decision open = shield.filter(full, scan(5f, 0));
        assertFalse(open.intervened());
        assertEquals(full, open.twist());
        SafetyShield.Decision inf = shield.filter(full, scan(Float.POSITIVE_INFINITY, 0));
        assertFalse(inf.intervened());
        assertEquals(full, inf.twist());
        assertEquals(full, shield.filter(full, scan(Float.NaN, 0)).twist());
        assertEquals(full, shield.filter(full, null).twist());
    }

    @Test
    void negativeInfinityIsAnObstacleAtRangeMin() {
        SafetyShield shield = new SafetyShield(ROBOT);
        SafetyShield.Decision d = shield.filter(new Twist2D(ROBOT.limits().maxLinearVelocity(), 0),
                scan(Float.NEGATIVE_INFINITY, 0));
        assertTrue(d.intervened());
        assertEquals(0, d.twist().linear(), 1e-9);
    }

    @Test
    void deterministic() {
        SafetyShield a = new SafetyShield(ROBOT), b = new SafetyShield(ROBOT);
        Twist2D t = new Twist2D(0.7, 0.4);
        assertEquals(a.filter(t, scan(Float.POSITIVE_INFINITY, 0.6)), b.filter(t, scan(Float.POSITIVE_INFINITY, 0.6)));
    }

    @Test
    void emergencyStopLatchesUntilReleased() {
        EmergencyStop e = new EmergencyStop();
        assertFalse(e.latched());
        assertFalse(e.set(false));
        assertTrue(e.set(true));
        assertTrue(e.latched());
        assertFalse(e.set(true), "a repeated true changes nothing");
        assertTrue(e.latched());
        assertTrue(e.set(false));
        assertFalse(e.latched());
    }

    @Test
    void watchdogStopsOnceAndResumesOnce() {
        Watchdog w = new Watchdog();
        assertEquals(Watchdog.Transition.NONE, w.update(Set.of()));
        assertEquals(Watchdog.Transition.STOP, w.update(Set.of(Modality.LIDAR)));
        assertEquals(Watchdog.Transition.NONE, w.update(Set.of(Modality.LIDAR)));
        assertTrue(w.stopped());
        assertEquals(Watchdog.Transition.RESUME, w.update(Set.of()));
        assertEquals(Watchdog.Transition.NONE, w.update(Set.of()));
        assertFalse(w.stopped());
    }
}
