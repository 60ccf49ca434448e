package dev.umwelt.policy;

import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.robot.RobotDescription;
import dev.umwelt.worldmodel.WorldModel;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy may know at the start of an episode: the robot's body, the instruction and a
 * seed for its own randomness. {@code privilegedScenario} (the full map and goal) is given only
 * to policies that declare themselves {@link Policy#privileged()}. {@code worldModelOrNull} is
 * the robot's live belief (pose, grid, objects, sounds), created per episode by the agent and
 * updated with every observation before {@link Policy#act}; policies only read it.
 */
public record EpisodeContext(RobotDescription robot, Instruction instruction, long seed, Scenario privilegedScenario,
                             WorldModel worldModelOrNull) {
    public EpisodeContext {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(instruction, "instruction");
    }

    /** A context without a world model (tests, offline evaluation). */
    public EpisodeContext(RobotDescription robot, Instruction instruction, long seed, Scenario privilegedScenario) {
        this(robot, instruction, seed, privilegedScenario, null);
    }

    public Optional<Scenario> scenario() {
        return Optional.ofNullable(privilegedScenario);
    }

    /** The robot's world model, when the runtime keeps one (the agent always does). */
    public Optional<WorldModel> worldModel() {
        return Optional.ofNullable(worldModelOrNull);
    }
}
