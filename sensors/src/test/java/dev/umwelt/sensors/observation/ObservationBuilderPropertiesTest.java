package dev.umwelt.sensors.observation;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Sense;
import dev.umwelt.bus.sensing.Odometry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a policy sees of one modality, over random stamps, arrival orders, ticks and max ages.
 * At most {@link ObservationBuilder#HISTORY} readings: the builder keeps only that many, so with
 * more, readings stamped after the tick may legitimately evict the one the tick would choose.
 */
class ObservationBuilderPropertiesTest {
    private static final long MS = 1_000_000L;

    private static List<Odometry> readings(List<Integer> stampsMs) {
        List<Odometry> out = new ArrayList<>();
        for (int t : stampsMs) out.add(Odometry.of(t * MS, new Pose2D(t, 0, 0), Twist2D.ZERO));
        return out;
    }

    private static Sense<?> odometryAt(List<Odometry> arrivals, long tick, long maxAge) {
        var b = new ObservationBuilder(Map.of(Modality.ODOMETRY, maxAge));
        arrivals.forEach(b::accept);
        var o = b.build(tick, null);
        for (Modality m : Modality.values()) {
            if (m != Modality.ODOMETRY) assertEquals(AbsenceReason.NEVER_ARRIVED, o.sense(m).absence(), m.key());
        }
        return o.odometry();
    }

    @Property(tries = 500)
    void choosesTheNewestByStampNotAfterTheTickWithItsAgeAndReason(
            @ForAll @Size(max = ObservationBuilder.HISTORY) @UniqueElements List<@IntRange(min = 0, max = 1000) Integer> stampsMs,
            @ForAll long arrivalSeed,
            @ForAll @IntRange(min = 0, max = 1200) int tickMs,
            @ForAll @IntRange(min = 1, max = 300) int maxAgeMs) {
        List<Odometry> arrivals = readings(stampsMs);
        Collections.shuffle(arrivals, new Random(arrivalSeed));
        long tick = tickMs * MS, maxAge = maxAgeMs * MS;
        Odometry expected = null;
        for (Odometry r : arrivals) {
            if (r.stampNanos() <= tick && (expected == null || r.stampNanos() > expected.stampNanos())) expected = r;
        }
        Sense<?> s = odometryAt(arrivals, tick, maxAge);
        if (expected == null) {
            // Nothing stamped at or before the tick: from the tick's point of view nothing arrived yet.
            assertEquals(AbsenceReason.NEVER_ARRIVED, s.absence());
            assertNull(s.reading());
            return;
        }
        assertEquals(expected, s.reading(), "newest by stamp not after the tick");
        assertEquals(tick - expected.stampNanos(), s.ageNanos(), "age = tick - stamp");
        if (s.present()) {
            assertTrue(s.ageNanos() <= maxAge, "a present sense is within its max age");
        } else {
            assertEquals(AbsenceReason.STALE, s.absence());
            assertTrue(s.ageNanos() > maxAge, "stale only when older than the max age");
        }
    }

    @Property(tries = 300)
    void arrivalOrderDoesNotMatter(
            @ForAll @Size(max = ObservationBuilder.HISTORY) @UniqueElements List<@IntRange(min = 0, max = 1000) Integer> stampsMs,
            @ForAll long seed1, @ForAll long seed2,
            @ForAll @IntRange(min = 0, max = 1200) int tickMs,
            @ForAll @IntRange(min = 1, max = 300) int maxAgeMs) {
        List<Odometry> a = readings(stampsMs), b = readings(stampsMs);
        Collections.shuffle(a, new Random(seed1));
        Collections.shuffle(b, new Random(seed2));
        assertEquals(odometryAt(a, tickMs * MS, maxAgeMs * MS), odometryAt(b, tickMs * MS, maxAgeMs * MS));
    }

    @Property(tries = 300)
    void neverArrivedUntilTheFirstReadingThenPresentThenStale(
            @ForAll @IntRange(min = 0, max = 1000) int stampMs, @ForAll @IntRange(min = 1, max = 300) int maxAgeMs) {
        List<Odometry> one = readings(List.of(stampMs));
        long stamp = stampMs * MS, maxAge = maxAgeMs * MS;
        assertEquals(AbsenceReason.NEVER_ARRIVED, odometryAt(List.of(), stamp, maxAge).absence());
        if (stamp > 0) assertEquals(AbsenceReason.NEVER_ARRIVED, odometryAt(one, stamp - 1, maxAge).absence());
        assertEquals(AbsenceReason.NONE, odometryAt(one, stamp, maxAge).absence());
        assertEquals(AbsenceReason.NONE, odometryAt(one, stamp + maxAge, maxAge).absence());
        assertEquals(AbsenceReason.STALE, odometryAt(one, stamp + maxAge + 1, maxAge).absence());
    }
}
