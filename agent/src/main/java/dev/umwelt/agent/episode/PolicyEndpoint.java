package dev.umwelt.agent.episode;

import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.sensors.fault.FaultMonitor;
import dev.umwelt.sensors.fault.SensorExpectation;
import dev.umwelt.sensors.observation.ObservationBuilder;
import dev.umwelt.worldmodel.WorldModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * The policy's side of the lockstep loop: consumes each tick's readings, builds the
 * observation (by stamps, with ages and absence reasons) and sends an action chunk to the
 * robot's action address (or a {@link PolicyFailure}). Only privileged policies see the
 * ground-truth pose. Public for the ROS brain ({@code dev.umwelt.agent.ros}), which feeds it
 * ticks it assembles from ROS messages and may change the instruction between ticks.
 */
public final class PolicyEndpoint {
    /** A reading older than this many sensor periods is stale. */
    static final double MAX_AGE_PERIODS = 3.0;
    /** Header on an action message: the policy's required modalities absent from the observation it acted on. */
    static final String MISSING_HEADER = dev.umwelt.agent.safety.SafetyChain.MISSING_HEADER;
    /** The belief goes on the bus at 2 Hz of sim time (stamps, not the wall clock). */
    public static final long BELIEF_PERIOD_NANOS = 500_000_000L;

    private final Policy policy;
    private Instruction instruction;
    private final ObservationBuilder observations;
    private MessageConsumer<TickReadings> consumer;
    private EventBus bus;
    private String actionAddress;
    /** Judges the arriving readings so that faulty senses reach the policy as absent, with the reason. */
    private final FaultMonitor faults;
    private final Consumer<EpisodeEvent> faultEvents;
    /** The policy's last note, so that each new one is logged once. */
    private String lastNote;
    /** The robot's belief, updated with every observation before the policy acts; null: none kept. */
    private final WorldModel world;
    private final long beliefPeriodNanos;
    private String beliefAddress;
    private long nextBeliefNanos = Long.MIN_VALUE;
    /** Sees each observation before the policy acts on it (the episode's recording); reads only. */
    private Consumer<Observation> observed = o -> { };
    /** Labels each tick alongside the policy without driving ({@code --teacher}); null: none. */
    private EpisodeTeacher teacher;

    public PolicyEndpoint(Policy policy, RobotDescription robot, Instruction instruction) {
        this(policy, robot, instruction, e -> { });
    }

    /** {@code faultEvents}: where SENSOR_FAULT and SENSOR_RECOVERED go (the episode's events). */
    public PolicyEndpoint(Policy policy, RobotDescription robot, Instruction instruction, Consumer<EpisodeEvent> faultEvents) {
        this(policy, robot, instruction, faultEvents, null, 0);
    }

    /** {@code world}: the episode's world model (or null), its belief published every {@code beliefPeriodNanos} of sim time. */
    public PolicyEndpoint(Policy policy, RobotDescription robot, Instruction instruction, Consumer<EpisodeEvent> faultEvents,
                   WorldModel world, long beliefPeriodNanos) {
        this(policy, robot, instruction, faultEvents, world, beliefPeriodNanos, null);
    }

    /**
     * {@code audio}: what the microphones' stream looks like (chunk length, sample rate), so that its
     * faults are judged too; null: audio is not judged (no emitters, or a source that does not say).
     */
    public PolicyEndpoint(Policy policy, RobotDescription robot, Instruction instruction, Consumer<EpisodeEvent> faultEvents,
                   WorldModel world, long beliefPeriodNanos, AudioStream audio) {
        this.world = world;
        this.beliefPeriodNanos = beliefPeriodNanos;
        this.policy = policy;
        this.instruction = instruction;
        EnumMap<Modality, Double> rates = new EnumMap<>(Modality.class);
        rates.put(Modality.LIDAR, robot.lidar().rateHz());
        rates.put(Modality.ODOMETRY, robot.odometry().rateHz());
        robot.cameraSpec().ifPresent(c -> rates.put(Modality.CAMERA, c.rateHz()));
        this.observations = ObservationBuilder.forRates(rates, MAX_AGE_PERIODS);
        this.observations.accept(instruction);
        this.faults = new FaultMonitor(expectations(robot, audio));
        this.faultEvents = faultEvents;
    }

    /** The microphones' stream: chunks of {@code chunkSeconds} at {@code sampleRate} Hz (a scenario's {@code sounds:} settings). */
    public record AudioStream(double chunkSeconds, int sampleRate) {
        /** The simulated microphones' stream of {@code scenario}; null when it is silent (no emitters: no audio). */
        public static AudioStream of(Scenario scenario) {
            return scenario.soundEmitters().isEmpty() ? null
                    : new AudioStream(scenario.acoustics().chunkSeconds(), scenario.acoustics().sampleRate());
        }
    }

    /** What each of the robot's healthy streams looks like, for its fault detectors ({@code audio} null: not judged). */
    public static List<SensorExpectation> expectations(RobotDescription robot, AudioStream audio) {
        long control = robot.controlPeriodNanos();
        List<SensorExpectation> expected = new ArrayList<>();
        expected.add(SensorExpectation.lidar(robot.lidar().rateHz(), control, robot.lidar().beams(), robot.lidar().noiseStddev()));
        expected.add(SensorExpectation.odometry(robot.odometry().rateHz(), control));
        robot.cameraSpec().ifPresent(c -> expected.add(SensorExpectation.camera(c.rateHz(), control, c.width(), c.height())));
        if (audio != null && !robot.microphones().isEmpty()) {
            expected.add(SensorExpectation.audio(audio.chunkSeconds(), audio.sampleRate(), robot.microphones().size(), control));
        }
        return expected;
    }

    /** A new instruction for the ticks to come (the caller resets the policy if it starts a new task). */
    public void instruct(Instruction next) {
        this.instruction = next;
        observations.accept(next);
    }

    /** Hands every observation built, before the policy acts on it, to {@code listener} (which must only read). */
    public void observe(Consumer<Observation> listener) {
        this.observed = listener;
    }

    /** Runs {@code teacher} on every observation after the policy acted (the episode's {@code --teacher}). */
    void teach(EpisodeTeacher teacher) {
        this.teacher = teacher;
    }

    public void listen(Vertx vertx, Addresses addresses) {
        bus = vertx.eventBus();
        actionAddress = addresses.action();
        beliefAddress = addresses.belief();
        consumer = bus.consumer(addresses.tickReadings(), this::onTick);
    }

    public void close() {
        if (consumer != null) consumer.unregister();
    }

    /** The required modalities absent from {@code obs}, comma-separated in enum order ("" when none). */
    private String missingRequired(Observation obs) {
        StringBuilder b = new StringBuilder();
        for (Modality m : Modality.values()) {
            if (policy.requiredModalities().contains(m) && !obs.has(m)) {
                if (b.length() > 0) b.append(',');
                b.append(m.name());
            }
        }
        return b.toString();
    }

    private void onTick(Message<TickReadings> msg) {
        TickReadings tick = msg.body();
        try {
            tick.readings().forEach(observations::accept);
            faults.update(tick.stampNanos(), tick.readings()).forEach(faultEvents);
            Observation obs = observations.build(tick.stampNanos(), policy.privileged() ? tick.groundTruth() : null,
                    faults::reason);
            observed.accept(obs);
            if (world != null) {
                world.update(obs);
                if (beliefPeriodNanos > 0 && tick.stampNanos() >= nextBeliefNanos) {
                    bus.publish(beliefAddress, world.belief(tick.stampNanos()));
                    nextBeliefNanos = tick.stampNanos() + beliefPeriodNanos;
                }
            }
            ActionChunk chunk = policy.act(obs, instruction);
            String note = policy.note().orElse(null);
            if (note != null && !note.equals(lastNote)) {
                faultEvents.accept(new EpisodeEvent(new Header(tick.stampNanos(), Frames.BASE_LINK),
                        EpisodeEvent.Kind.POLICY_NOTE, policy.name(), note));
            }
            lastNote = note;
            // Before the chunk is sent: the teacher's label of a tick is recorded ahead of the action.
            if (teacher != null) teacher.propose(obs, tick.groundTruth(), instruction, faultEvents);
            // The chunk travels as the policy proposed it; which required senses its observation
            // lacked rides along as a header, for the watchdog on the robot's side.
            String missing = missingRequired(obs);
            if (missing.isEmpty()) bus.send(actionAddress, chunk);
            else bus.send(actionAddress, chunk, new DeliveryOptions().addHeader(MISSING_HEADER, missing));
        } catch (RuntimeException e) {
            bus.send(actionAddress, new PolicyFailure(policy.name(), tick.tick(), e.toString()));
        }
    }
}
