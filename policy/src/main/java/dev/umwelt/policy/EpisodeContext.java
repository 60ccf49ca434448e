package dev.umwelt.policy;

import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.robot.RobotDescription;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy may know at the start of an episode: the robot's body, the instruction and a
 * seed for its own randomness. {@code privilegedScenario} (the full map and goal) is given only
 * to policies that declare themselves {@link Policy#privileged()}.
 */
public record EpisodeContext(RobotDescription robot, Instruction instruction, long seed, Scenario privilegedScenario) {
    public EpisodeContext {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(instruction, "instruction");
    }

    public Optional<Scenario> scenario() {
        return Optional.ofNullable(privilegedScenario);
    }
}
