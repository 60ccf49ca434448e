package dev.umwelt.worldmodel.sound;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.scenarios.robot.RobotDescription;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** Sound-source localisation from a microphone pair over robot motion (skeleton; see README). */
public final class SoundSourceMap {
    private final RobotDescription robot;

    public SoundSourceMap(RobotDescription robot) {
        this.robot = Objects.requireNonNull(robot, "robot");
    }

    public void observe(AudioChunk chunk, Pose2D basePoseInMapAtChunk) {
        // TODO
    }

    public Optional<SoundSource> strongest() {
        return Optional.empty();
    }

    public OptionalDouble latestBearing() {
        return OptionalDouble.empty();
    }

    public boolean needsTurnToDisambiguate() {
        return false;
    }
}
