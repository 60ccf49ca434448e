package dev.umwelt.agent.episode;

import dev.umwelt.agent.safety.SafetyChain;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.policy.Policy;
import dev.umwelt.sensors.fault.FaultInjector;
import dev.umwelt.sensors.fault.FaultMonitor;
import dev.umwelt.sensors.observation.ObservationBuilder;
import dev.umwelt.worldmodel.WorldModel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One control tick of one robot, as one declared pipeline read top to bottom:
 * <ol>
 *   <li>inject faults (the scenario's, into the readings as delivered; a real robot has none);</li>
 *   <li>record the readings, and hand the newest scan to the shield;</li>
 *   <li>end? (the time limit, an interrupt, a closed viewer: the {@link Ports}' call);</li>
 *   <li>observe: stamps, ages, absences with their reasons, faulty senses judged absent;</li>
 *   <li>update the belief (the world model), published every {@link #BELIEF_PERIOD_NANOS} of robot time;</li>
 *   <li>policy: its action chunk and its note; the DAgger teacher, if any, labels the same observation;</li>
 *   <li>safety chain: watchdog (the required senses this observation lacks), latched e-stop, shield;</li>
 *   <li>actuate: the passed command, with the robot's command timeout, to the {@link Ports}.</li>
 * </ol>
 * The lockstep simulator, {@code --realtime} and the ROS brain run this class; what differs between
 * them is the {@link Ports} (where commands go, when an episode ends) and who calls {@link #run} when
 * (the simulator after each step, a ROS robot when its sensors complete a tick). Recording is the
 * {@link EpisodeObserver} seeing each stage as it happens, so an episode file holds a tick's readings,
 * then its events, observation, action and command, in that order. Not thread-safe: it lives on the
 * robot's context.
 */
public final class ControlTick {
    /** A reading older than this many sensor periods is stale. */
    public static final double MAX_AGE_PERIODS = 3.0;
    /** The belief goes on the bus at 2 Hz of robot time (stamps, not the wall clock). */
    public static final long BELIEF_PERIOD_NANOS = 500_000_000L;

    /** What differs between a simulated and a real robot. */
    public interface Ports {
        /** Why the episode ends before this tick's decision (null: it goes on); called after the readings are recorded. */
        String endReason(TickReadings tick);

        /** The command passed by the safety chain goes to the base. */
        void actuate(VelocityCommand command);

        /** Every event of the tick (faults detected, the policy's notes, safety), as it happens. */
        void event(EpisodeEvent event);

        /** The belief, every {@link #BELIEF_PERIOD_NANOS}. */
        void belief(Belief belief);
    }

    /** What one tick came to. */
    public sealed interface Outcome {
        /** The episode ended before the decision ({@link Ports#endReason}). */
        record Ended(String reason) implements Outcome {}

        /** The policy said STOP. */
        record Stopped(ActionChunk chunk) implements Outcome {}

        /** The policy threw; nothing was actuated. */
        record Failed(PolicyFailure failure) implements Outcome {}

        /** This command went to the base. */
        record Commanded(VelocityCommand command) implements Outcome {}
    }

    private final RobotDescription robot;
    private final Policy policy;
    private final FaultInjector faults;
    private final ObservationBuilder observations;
    private final FaultMonitor faultMonitor;
    private final WorldModel world;
    private final SafetyChain safety;
    private final Ports ports;
    private final EpisodeObserver recorder;
    private Instruction instruction;
    private EpisodeTeacher teacher;
    private long nextBeliefNanos = Long.MIN_VALUE;
    /** The policy's last note, so that each new one is logged once. */
    private String lastNote;

    /**
     * {@code faults}: injected into every tick's readings (null: none; fault-free readings pass
     * untouched). {@code world}: the robot's belief, or null for none. {@code audio}: the
     * microphones' stream, so that its faults are judged too (null: not judged).
     * {@code recorder}: sees every stage (null: nothing recorded).
     */
    public ControlTick(RobotDescription robot, Policy policy, Instruction instruction, FaultInjector faults,
                       SensorStreams.Audio audio, WorldModel world, SafetyChain safety, Ports ports, EpisodeObserver recorder) {
        this.robot = robot;
        this.policy = policy;
        this.faults = faults == null || faults.isEmpty() ? null : faults;
        this.observations = ObservationBuilder.forRates(SensorStreams.rates(robot), MAX_AGE_PERIODS);
        this.faultMonitor = new FaultMonitor(SensorStreams.expectations(robot, audio));
        this.world = world;
        this.safety = safety;
        this.ports = ports;
        this.recorder = recorder == null ? EpisodeObserver.NONE : recorder;
        instruct(instruction);
    }

    /** A new instruction for the ticks to come (the caller resets the policy if it starts a new task). */
    public void instruct(Instruction next) {
        this.instruction = next;
        observations.accept(next);
    }

    /** Labels every tick alongside the policy without driving ({@code --teacher}). */
    void teach(EpisodeTeacher teacher) {
        this.teacher = teacher;
    }

    /** One stage of the pipeline and what runs it. */
    public record Stage(String name, String by) {
        @Override
        public String toString() {
            return by.isEmpty() ? name : name + " (" + by + ")";
        }
    }

    /** The pipeline as built, in order, for a run to print and an episode to record. */
    public List<Stage> stages() {
        String ports = this.ports.getClass().getSimpleName();
        return List.of(
                new Stage("inject faults", faults == null ? "none" : "FaultInjector"),
                new Stage("record", recorder == EpisodeObserver.NONE ? "none" : ""),
                new Stage("end?", ports),
                new Stage("observe", "ObservationBuilder, FaultMonitor"),
                new Stage("update belief", world == null ? "none" : "WorldModel"),
                new Stage("policy", policy.name() + (teacher == null ? "" : ", teacher " + teacher.name())),
                new Stage("safety", "watchdog, e-stop" + (safety.shielded() ? ", shield" : "")),
                new Stage("actuate", ports + ", timeout " + robot.commandTimeoutNanos() / 1_000_000 + " ms"));
    }

    /** Runs one tick on the readings as delivered; {@code previous}: the command that led to them (null at the first). */
    public Outcome run(TickReadings delivered, VelocityCommand previous) {
        TickReadings tick = inject(delivered);
        record(tick, previous);
        String end = ports.endReason(tick);
        if (end != null) return new Outcome.Ended(end);
        long now = tick.stampNanos();
        ActionChunk chunk;
        Observation obs;
        try {
            obs = observe(tick);
            updateBelief(obs, now);
            chunk = decide(obs, tick);
        } catch (RuntimeException e) {
            return new Outcome.Failed(new PolicyFailure(policy.name(), tick.tick(), e.toString()));
        }
        recorder.onAction(chunk);
        if (chunk.stop()) return new Outcome.Stopped(chunk);
        Twist2D passed = safety.filter(now, chunk.actionAt(now), missingRequired(obs));
        VelocityCommand command = VelocityCommand.of(now, passed, robot.commandTimeoutNanos());
        recorder.onCommand(command);
        ports.actuate(command);
        return new Outcome.Commanded(command);
    }

    private TickReadings inject(TickReadings t) {
        if (faults == null) return t;
        return new TickReadings(t.tick(), t.stampNanos(), faults.apply(t.stampNanos(), t.readings()), t.events(), t.groundTruth());
    }

    /** The tick's readings as the (faulty) sensors delivered them, then its events: an episode file holds them in this order. */
    private void record(TickReadings tick, VelocityCommand previous) {
        safety.scan(tick.latest(LidarScan.class));
        recorder.onTick(tick, previous);
        tick.events().forEach(ports::event);
    }

    private Observation observe(TickReadings tick) {
        tick.readings().forEach(observations::accept);
        faultMonitor.update(tick.stampNanos(), tick.readings()).forEach(ports::event);
        Observation obs = observations.build(tick.stampNanos(), policy.privileged() ? tick.groundTruth() : null,
                faultMonitor::reason);
        recorder.onObservation(obs);
        return obs;
    }

    private void updateBelief(Observation obs, long now) {
        if (world == null) return;
        world.update(obs);
        if (now >= nextBeliefNanos) {
            ports.belief(world.belief(now));
            nextBeliefNanos = now + BELIEF_PERIOD_NANOS;
        }
    }

    private ActionChunk decide(Observation obs, TickReadings tick) {
        ActionChunk chunk = policy.act(obs, instruction);
        String note = policy.note().orElse(null);
        if (note != null && !note.equals(lastNote)) {
            ports.event(new EpisodeEvent(new Header(tick.stampNanos(), Frames.BASE_LINK), EpisodeEvent.Kind.POLICY_NOTE,
                    policy.name(), note));
        }
        lastNote = note;
        // Before the chunk is recorded: the teacher's label of a tick comes ahead of the action.
        if (teacher != null) teacher.propose(obs, tick.groundTruth(), instruction, ports::event);
        return chunk;
    }

    /** The policy's required senses absent from {@code obs}: the watchdog's input. */
    private Set<Modality> missingRequired(Observation obs) {
        EnumSet<Modality> missing = EnumSet.noneOf(Modality.class);
        for (Modality m : policy.requiredModalities()) if (!obs.has(m)) missing.add(m);
        return missing;
    }
}
