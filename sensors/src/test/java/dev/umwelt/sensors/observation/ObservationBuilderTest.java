package dev.umwelt.sensors.observation;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Odometry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ObservationBuilderTest {
    private static final long MS = 1_000_000L;

    private static Odometry odom(long stampMs, double x) {
        return Odometry.of(stampMs * MS, new Pose2D(x, 0, 0), Twist2D.ZERO);
    }

    @Test
    void picksNewestByStampNotByArrival() {
        var b = new ObservationBuilder(Map.of(Modality.ODOMETRY, 100 * MS));
        b.accept(odom(50, 5));
        b.accept(odom(30, 3)); // arrives late, older stamp
        Observation o = b.build(60 * MS, null);
        assertTrue(o.has(Modality.ODOMETRY));
        assertEquals(5.0, o.odometry().reading().pose().x());
        assertEquals(10 * MS, o.odometry().ageNanos());
    }

    @Test
    void ignoresReadingsStampedAfterTheTick() {
        var b = new ObservationBuilder(Map.of(Modality.ODOMETRY, 100 * MS));
        b.accept(odom(30, 3));
        b.accept(odom(90, 9));
        assertEquals(3.0, b.build(60 * MS, null).odometry().reading().pose().x());
        assertEquals(9.0, b.build(90 * MS, null).odometry().reading().pose().x());
    }

    @Test
    void staleAndNeverArrivedHaveReasons() {
        var b = new ObservationBuilder(Map.of(Modality.ODOMETRY, 100 * MS));
        b.accept(odom(0, 1));
        Observation o = b.build(101 * MS, new Pose2D(1, 2, 0));
        assertEquals(AbsenceReason.STALE, o.odometry().absence());
        assertEquals(101 * MS, o.odometry().ageNanos());
        assertFalse(o.has(Modality.ODOMETRY));
        assertEquals(AbsenceReason.NEVER_ARRIVED, o.lidar().absence());
        assertEquals(new Pose2D(1, 2, 0), o.privilegedPose());
        assertTrue(b.build(100 * MS, null).has(Modality.ODOMETRY), "exactly max age is still present");
    }
}
