package dev.umwelt.episodes.export;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.bus.robot.MicrophoneSpec;
import dev.umwelt.bus.robot.RobotDescription;

import java.util.List;
import java.util.Locale;

/**
 * The senses a dataset was recorded with, fixed by its first episode: lidar geometry, camera field
 * of view and source size, microphones and audio chunking. A later episode whose robot differs in
 * any of them would give arrays of another shape or meaning, so it is skipped and reported.
 */
record DatasetRobot(String name, int beams, double angleMin, double angleIncrement, double rangeMin, double rangeMax,
                    boolean camera, double cameraFov, int cameraSourceWidth, int cameraSourceHeight,
                    List<String> microphones, int sampleRate, int audioFrames) {

    static DatasetRobot of(Scenario s) {
        RobotDescription r = s.robot();
        LidarSpec l = r.lidar();
        CameraSpec c = r.camera();
        return new DatasetRobot(r.name(), l.beams(), l.angleMin(), l.angleIncrement(), l.rangeMin(), l.rangeMax(),
                c != null, c == null ? 0 : c.horizontalFov(), c == null ? 0 : c.width(), c == null ? 0 : c.height(),
                r.microphones().stream().map(MicrophoneSpec::frame).toList(), s.acoustics().sampleRate(),
                s.acoustics().chunkFrames());
    }

    /** Why an episode of {@code other} cannot join this dataset, or null when it can. */
    String differs(DatasetRobot other) {
        if (beams != other.beams) return "its lidar has " + other.beams + " beams, the dataset's " + beams;
        if (Math.abs(angleMin - other.angleMin) > 1e-9 || Math.abs(angleIncrement - other.angleIncrement) > 1e-9) {
            return String.format(Locale.ROOT, "its lidar spans from %.4f rad by %.6f rad, the dataset's from %.4f by %.6f",
                    other.angleMin, other.angleIncrement, angleMin, angleIncrement);
        }
        if (camera != other.camera) return other.camera ? "it has a camera, the dataset's robot none" : "it has no camera, the dataset's robot one";
        if (camera && Math.abs(cameraFov - other.cameraFov) > 1e-9) {
            return String.format(Locale.ROOT, "its camera sees %.1f degrees, the dataset's %.1f", Math.toDegrees(other.cameraFov),
                    Math.toDegrees(cameraFov));
        }
        if (!microphones.equals(other.microphones)) return "its microphones are " + other.microphones + ", the dataset's " + microphones;
        if (sampleRate != other.sampleRate || audioFrames != other.audioFrames) {
            return "its audio comes in chunks of " + other.audioFrames + " at " + other.sampleRate + " Hz, the dataset's "
                    + audioFrames + " at " + sampleRate + " Hz";
        }
        return null;
    }
}
