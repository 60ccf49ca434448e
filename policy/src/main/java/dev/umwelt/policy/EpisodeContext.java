package dev.umwelt.policy;

import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.worldmodel.WorldModel;

import java.util.Objects;
import java.util.Optional;

/**
 * What a policy may know at the start of an episode: the robot's body, the instruction and a
 * seed for its own randomness. Nothing here is ground truth: this module cannot even name a
 * scenario (the build's module graph forbids the import), so no policy in it can read the map or
 * the goal; the privileged ones (the oracle, the teacher) live in {@code agent}, which hands them
 * the scenario. {@code worldModelOrNull} is the robot's live belief (pose, grid, objects, sounds),
 * created per episode by the agent and updated with every observation before {@link Policy#act};
 * policies only read it.
 */
public record EpisodeContext(RobotDescription robot, Instruction instruction, long seed, WorldModel worldModelOrNull) {
    public EpisodeContext {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(instruction, "instruction");
    }

    /** A context without a world model (tests, offline evaluation). */
    public EpisodeContext(RobotDescription robot, Instruction instruction, long seed) {
        this(robot, instruction, seed, null);
    }

    /** The robot's world model, when the runtime keeps one (the agent always does). */
    public Optional<WorldModel> worldModel() {
        return Optional.ofNullable(worldModelOrNull);
    }
}
