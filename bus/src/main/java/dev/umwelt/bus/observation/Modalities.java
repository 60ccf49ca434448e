package dev.umwelt.bus.observation;

import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.Optional;

/** Which modality a reading belongs to. */
public final class Modalities {
    private Modalities() {}

    public static Optional<Modality> of(Stamped reading) {
        if (reading instanceof LidarScan) return Optional.of(Modality.LIDAR);
        if (reading instanceof CameraFrame) return Optional.of(Modality.CAMERA);
        if (reading instanceof AudioChunk) return Optional.of(Modality.AUDIO);
        if (reading instanceof Odometry) return Optional.of(Modality.ODOMETRY);
        if (reading instanceof Instruction) return Optional.of(Modality.INSTRUCTION);
        return Optional.empty();
    }
}
