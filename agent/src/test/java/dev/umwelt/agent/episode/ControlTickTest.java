package dev.umwelt.agent.episode;

import dev.umwelt.agent.safety.SafetyChain;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.robot.RobotResolver;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control tick's stages, in their order, with the real observation builder, world model and safety chain. */
class ControlTickTest {
    static final RobotDescription TURTLE = RobotResolver.catalogRobot("turtle");
    static final long T0 = Clock.SIM_EPOCH_NANOS;
    static final Instruction GO = new Instruction(new Header(T0, Frames.BASE_LINK), "go", Instruction.Source.TYPED, 1);

    /** What the ports and the recorder saw, in order. */
    static final class Trace implements ControlTick.Ports, EpisodeObserver {
        final List<String> calls = new ArrayList<>();
        final List<EpisodeEvent> events = new ArrayList<>();
        final List<VelocityCommand> actuated = new ArrayList<>();
        String end;

        @Override public String endReason(TickReadings tick) { calls.add("end?"); return end; }
        @Override public void actuate(VelocityCommand c) { calls.add("actuate"); actuated.add(c); }
        @Override public void event(EpisodeEvent e) { calls.add("event " + e.kind()); events.add(e); }
        @Override public void belief(Belief b) { calls.add("belief"); }
        @Override public void onTick(TickReadings tick, VelocityCommand command) { calls.add("tick"); }
        @Override public void onObservation(Observation o) { calls.add("observation"); }
        @Override public void onAction(ActionChunk chunk) { calls.add(chunk.stop() ? "action STOP" : "action"); }
        @Override public void onCommand(VelocityCommand command) { calls.add("command"); }
        @Override public boolean stopRequested() { return false; }
    }

    /** A policy that requires {@code required} and answers with {@code act}. */
    static Policy policy(Set<Modality> required, Function<Observation, ActionChunk> act) {
        return new Policy() {
            @Override public String name() { return "probe"; }
            @Override public Set<Modality> requiredModalities() { return required; }
            @Override public void reset(EpisodeContext context) {}
            @Override public ActionChunk act(Observation o, Instruction i) { return act.apply(o); }
        };
    }

    static TickReadings odometryTick(long index) {
        long t = T0 + index * TURTLE.controlPeriodNanos();
        return new TickReadings(index, t, List.of(Odometry.of(t, Pose2D.ORIGIN, Twist2D.ZERO)), List.of(), Pose2D.ORIGIN);
    }

    static ControlTick tick(Policy p, Trace trace) {
        WorldModel world = new WorldModel(TURTLE, Pose2D.ORIGIN, WorldModelConfig.DEFAULTS);
        return new ControlTick(TURTLE, p, GO, null, null, world, new SafetyChain(TURTLE, true, trace::event), trace, trace);
    }

    @Test
    void stagesRunTopToBottomAndTheCommandCarriesTheTimeout() {
        Trace trace = new Trace();
        Twist2D slow = new Twist2D(0.1, 0.0);
        ControlTick control = tick(policy(Set.of(Modality.ODOMETRY), o -> ActionChunk.move(o.stampNanos(), 200_000_000L, slow)), trace);
        ControlTick.Outcome out = control.run(odometryTick(0), null);
        var commanded = assertInstanceOf(ControlTick.Outcome.Commanded.class, out);
        assertEquals(slow, commanded.command().twist());
        assertEquals(T0 + TURTLE.commandTimeoutNanos(), commanded.command().validUntilNanos());
        assertEquals(List.of("tick", "end?", "observation", "belief", "action", "command", "actuate"), trace.calls);
        assertEquals(List.of(commanded.command()), trace.actuated);
        // The belief is published every 0.5 s of robot time, not every tick.
        trace.calls.clear();
        control.run(odometryTick(1), commanded.command());
        assertEquals(List.of("tick", "end?", "observation", "action", "command", "actuate"), trace.calls);
        assertEquals("inject faults (none) > record > end? (Trace) > observe (ObservationBuilder, FaultMonitor) > update belief"
                + " (WorldModel) > policy (probe) > safety (watchdog, e-stop, shield) > actuate (Trace, timeout "
                + TURTLE.commandTimeoutNanos() / 1_000_000 + " ms)",
                String.join(" > ", control.stages().stream().map(ControlTick.Stage::toString).toList()));
    }

    @Test
    void aMissingRequiredSenseStopsTheBaseThroughTheWatchdog() {
        Trace trace = new Trace();
        ControlTick control = tick(policy(Set.of(Modality.LIDAR), o -> ActionChunk.move(o.stampNanos(), 200_000_000L,
                new Twist2D(0.2, 0.1))), trace);
        var out = assertInstanceOf(ControlTick.Outcome.Commanded.class, control.run(odometryTick(0), null));
        assertEquals(Twist2D.ZERO, out.command().twist());
        assertEquals(List.of(EpisodeEvent.Kind.WATCHDOG_STOP), trace.events.stream().map(EpisodeEvent::kind).toList());
        assertEquals("missing [LIDAR]", trace.events.get(0).detail());
    }

    @Test
    void stopFailureAndEndActuateNothing() {
        Trace stop = new Trace();
        var s = tick(policy(Set.of(), o -> ActionChunk.stop(o.stampNanos(), 200_000_000L)), stop).run(odometryTick(0), null);
        assertInstanceOf(ControlTick.Outcome.Stopped.class, s);
        assertEquals(List.of("tick", "end?", "observation", "belief", "action STOP"), stop.calls);

        Trace failing = new Trace();
        var f = tick(policy(Set.of(), o -> { throw new IllegalStateException("no map"); }), failing).run(odometryTick(3), null);
        var failed = assertInstanceOf(ControlTick.Outcome.Failed.class, f);
        assertEquals("probe failed at tick 3: java.lang.IllegalStateException: no map", failed.failure().toString());
        assertEquals(List.of(), failing.actuated);

        Trace ended = new Trace();
        ended.end = "time-limit";
        List<Observation> seen = new ArrayList<>();
        var e = tick(policy(Set.of(), o -> { seen.add(o); return ActionChunk.stop(o.stampNanos(), 1); }), ended).run(odometryTick(9), null);
        assertEquals(new ControlTick.Outcome.Ended("time-limit"), e);
        assertEquals(List.of("tick", "end?"), ended.calls);
        assertEquals(List.of(), seen, "the policy is not asked once the episode ended");
    }
}
