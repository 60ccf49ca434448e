package dev.umwelt.agent.episode;

import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.policy.Policy;
import dev.umwelt.scenarios.robot.RobotDescription;
import dev.umwelt.sensors.observation.ObservationBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.EnumMap;

/**
 * The policy's side of the lockstep loop: consumes each tick's readings, builds the
 * observation (by stamps, with ages and absence reasons) and sends an action chunk to the
 * robot's action address (or a {@link PolicyFailure}). Only privileged policies see the
 * ground-truth pose.
 */
final class PolicyEndpoint {
    /** A reading older than this many sensor periods is stale. */
    static final double MAX_AGE_PERIODS = 3.0;

    private final Policy policy;
    private final Instruction instruction;
    private final ObservationBuilder observations;
    private MessageConsumer<TickReadings> consumer;
    private EventBus bus;
    private String actionAddress;

    PolicyEndpoint(Policy policy, RobotDescription robot, Instruction instruction) {
        this.policy = policy;
        this.instruction = instruction;
        EnumMap<Modality, Double> rates = new EnumMap<>(Modality.class);
        rates.put(Modality.LIDAR, robot.lidar().rateHz());
        rates.put(Modality.ODOMETRY, robot.odometry().rateHz());
        robot.cameraSpec().ifPresent(c -> rates.put(Modality.CAMERA, c.rateHz()));
        this.observations = ObservationBuilder.forRates(rates, MAX_AGE_PERIODS);
        this.observations.accept(instruction);
    }

    void listen(Vertx vertx, Addresses addresses) {
        bus = vertx.eventBus();
        actionAddress = addresses.action();
        consumer = bus.consumer(addresses.tickReadings(), this::onTick);
    }

    void close() {
        if (consumer != null) consumer.unregister();
    }

    private void onTick(Message<TickReadings> msg) {
        TickReadings tick = msg.body();
        try {
            tick.readings().forEach(observations::accept);
            Observation obs = observations.build(tick.stampNanos(), policy.privileged() ? tick.groundTruth() : null);
            ActionChunk chunk = policy.act(obs, instruction);
            bus.send(actionAddress, chunk);
        } catch (RuntimeException e) {
            bus.send(actionAddress, new PolicyFailure(policy.name(), tick.tick(), e.toString()));
        }
    }
}
