package dev.umwelt.sensors.fault;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.umwelt.sensors.fault.SyntheticRobot.CONTROL;
import static dev.umwelt.sensors.fault.SyntheticRobot.EPOCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per fault kind through injector and detector, as the agent wires them: the fault is
 * detected within the bound sensors/README.md states, the modality is absent with the right
 * reason, SENSOR_FAULT and SENSOR_RECOVERED are emitted, and the stream recovers after the window.
 */
class FaultPipelineTest {
    static final long FROM = 2_000_000_000L, TO = 4_000_000_000L;

    /** What a run of 6 s with one fault produced: events, and per tick the modality's verdict. */
    record Run(List<EpisodeEvent> events, List<AbsenceReason> reasons) {
        long firstTimeOf(AbsenceReason r) {
            for (int i = 0; i < reasons.size(); i++) if (reasons.get(i) == r) return i * CONTROL;
            throw new AssertionError(r + " never reported: " + reasons);
        }

        EpisodeEvent first(EpisodeEvent.Kind kind, String source) {
            return events.stream().filter(e -> e.kind() == kind && e.source().equals(source)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " from " + source + " in " + events));
        }
    }

    static Run run(String fault, boolean openHall) {
        List<Fault> faults = fault == null ? List.of() : List.of(FaultSpec.parse(fault));
        Modality watched = faults.isEmpty() ? Modality.LIDAR : faults.get(0).modality();
        FaultInjector injector = new FaultInjector(faults, 42, EPOCH);
        FaultMonitor monitor = new FaultMonitor(SyntheticRobot.expectations());
        SyntheticRobot robot = new SyntheticRobot(openHall);
        List<EpisodeEvent> events = new ArrayList<>();
        List<AbsenceReason> reasons = new ArrayList<>();
        for (long k = 0; k <= 120; k++) {
            long now = EPOCH + k * CONTROL;
            List<Stamped> delivered = injector.apply(now, robot.tick(k));
            events.addAll(monitor.update(now, delivered));
            reasons.add(monitor.reason(watched));
        }
        return new Run(events, reasons);
    }

    /** Detected with {@code reason} within {@code bound} of the fault's start; recovered within 1 period + 1 control period of its end. */
    static void assertDetected(String fault, AbsenceReason reason, long bound, long period) {
        Fault f = FaultSpec.parse(fault);
        Run r = run(fault, false);
        String source = f.modality().key();
        long detected = r.firstTimeOf(reason);
        assertTrue(detected >= f.fromNanos(), "no fault before the window: " + r.events());
        assertTrue(detected - f.fromNanos() <= bound, fault + ": detected after " + (detected - f.fromNanos()) / 1e6
                + " ms, bound " + bound / 1e6 + " ms");
        EpisodeEvent fe = r.first(EpisodeEvent.Kind.SENSOR_FAULT, source);
        assertTrue(fe.stampNanos() - EPOCH <= detected, "event no later than the verdict");
        assertTrue(r.events().stream().anyMatch(e -> e.kind() == EpisodeEvent.Kind.SENSOR_FAULT
                && e.stampNanos() - EPOCH == detected && e.source().equals(source)), "an event at the detection: " + r.events());
        EpisodeEvent rec = r.first(EpisodeEvent.Kind.SENSOR_RECOVERED, source);
        long recovered = rec.stampNanos() - EPOCH;
        long end = f.toNanos() + f.delayNanos();
        assertTrue(recovered >= f.toNanos() && recovered - f.toNanos() <= period + CONTROL,
                fault + ": recovered at " + recovered / 1e6 + " ms");
        assertEquals(AbsenceReason.NONE, r.reasons().get(r.reasons().size() - 1), "healthy at the end");
        assertTrue(end >= f.toNanos());
        // Nothing is raised on the other senses.
        assertTrue(r.events().stream().allMatch(e -> e.source().equals(source)), "only " + source + ": " + r.events());
    }

    @Test
    void drop() {
        // Bound: DROP_PERIODS + 1 periods + 2 control periods.
        assertDetected("lidar:drop@2s-4s", AbsenceReason.DROPPED, 4 * SyntheticRobot.LIDAR + 2 * CONTROL, SyntheticRobot.LIDAR);
        assertEquals(AbsenceReason.DROPPED, run("lidar:drop@2s-4s", false).reasons().get(60));
    }

    @Test
    void freeze() {
        // Bound: FROZEN_REPEATS periods + 1 control period.
        assertDetected("lidar:freeze@2s-4s", AbsenceReason.FROZEN, 3 * SyntheticRobot.LIDAR + CONTROL, SyntheticRobot.LIDAR);
        assertDetected("camera:freeze@2s-4s", AbsenceReason.FROZEN, 3 * SyntheticRobot.CAMERA + CONTROL, SyntheticRobot.CAMERA);
        assertDetected("odometry:freeze@2s-4s", AbsenceReason.FROZEN, 3 * SyntheticRobot.ODOM + CONTROL, SyntheticRobot.ODOM);
    }

    @Test
    void delay() {
        // Bound: the delay + 1 period + 1 control period. A silence longer than the drop rule
        // reads DROPPED first (a delay cannot be told from a drop before anything arrives).
        assertDetected("odometry:delay=0.3@2s-4s", AbsenceReason.STALE, 300_000_000L + SyntheticRobot.ODOM + CONTROL,
                SyntheticRobot.ODOM);
    }

    @Test
    void noise() {
        // Bound: 1 period + 1 control period.
        assertDetected("lidar:noise=0.5@2s-4s", AbsenceReason.NOISY, SyntheticRobot.LIDAR + CONTROL, SyntheticRobot.LIDAR);
        assertDetected("camera:noise=60@2s-4s", AbsenceReason.NOISY, SyntheticRobot.CAMERA + CONTROL, SyntheticRobot.CAMERA);
    }

    @Test
    void corruptNan() {
        assertDetected("lidar:corrupt=nan@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.LIDAR + CONTROL, SyntheticRobot.LIDAR);
    }

    @Test
    void corruptNegative() {
        assertDetected("lidar:corrupt=negative@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.LIDAR + CONTROL, SyntheticRobot.LIDAR);
    }

    @Test
    void corruptWrongSize() {
        assertDetected("lidar:corrupt=wrong-size@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.LIDAR + CONTROL, SyntheticRobot.LIDAR);
        assertDetected("camera:corrupt=wrong-size@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.CAMERA + CONTROL, SyntheticRobot.CAMERA);
    }

    @Test
    void corruptBlack() {
        assertDetected("camera:corrupt=black@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.CAMERA + CONTROL, SyntheticRobot.CAMERA);
        assertTrue(run("camera:corrupt=black@2s-4s", false).first(EpisodeEvent.Kind.SENSOR_FAULT, "camera").detail().contains("black"));
    }

    @Test
    void corruptOneColour() {
        assertDetected("camera:corrupt=one-colour@2s-4s", AbsenceReason.CORRUPT, SyntheticRobot.CAMERA + CONTROL, SyntheticRobot.CAMERA);
        assertTrue(run("camera:corrupt=one-colour@2s-4s", false).first(EpisodeEvent.Kind.SENSOR_FAULT, "camera").detail().contains("one-colour"));
    }

    @Test
    void healthyStreamsRaiseNothing() {
        Run r = run(null, false);
        assertEquals(List.of(), r.events());
    }

    @Test
    void validInfinityRangesInAnOpenHallRaiseNothing() {
        Run r = run(null, true);
        assertEquals(List.of(), r.events());
        assertTrue(r.reasons().stream().allMatch(x -> x == AbsenceReason.NONE));
    }
}
