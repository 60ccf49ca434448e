package dev.umwelt.episodes.export;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.observation.Modality;

/**
 * One control tick on its way into a shard: the observation the policy acted on (already at the
 * dataset's shapes, zeros for absent senses), what it did, and the labels. Filled in stages while
 * the episode streams by (the command follows the action; waypoints need the next second's
 * poses; the STOP label needs the result), so it is mutable and lives only until written.
 */
final class TickSample {
    static final int MODALITIES = Modality.values().length;

    int episode, tick, instruction;
    long stampNanos;
    float timeSeconds;
    final byte[] camera;
    final float[] lidar;
    final short[] audio;
    final float[] odometry = new float[5];
    final byte[] presence = new byte[MODALITIES], absence = new byte[MODALITIES];
    final float[] ageSeconds = new float[MODALITIES];
    final float[] action = new float[2], command = new float[2];
    boolean proposedStop, commandSeen, stop;
    /** The true pose in map at the tick; waypoints fill in from later poses. */
    Pose2D pose;
    final float[] waypoints;
    final byte[] waypointsValid;
    boolean labelsValid, targetVisible;
    float targetDistance = Float.NaN, targetBearing = Float.NaN;
    short targetObject;
    final short[] beamObjects, columnObjects;
    /** DAgger: the teacher's proposal for the tick ({@link TeacherLabels}). */
    boolean teacherValid, teacherStop;
    final float[] teacherAction = new float[2];
    /** The caller's input values ({@link SampleInputs}), one array per input array; null without inputs. */
    float[][] inputs;

    TickSample(DatasetLayout layout) {
        camera = new byte[layout.cameraHeight() * layout.cameraWidth() * 3];
        lidar = new float[layout.beams()];
        audio = new short[layout.audioChannels() * layout.audioFrames()];
        waypoints = new float[layout.waypoints() * 3];
        waypointsValid = new byte[layout.waypoints()];
        beamObjects = new short[layout.beams()];
        columnObjects = new short[layout.cameraWidth()];
    }

    /** The horizon the waypoints need: the pose this long after the tick. */
    long horizonNanos(DatasetLayout layout) {
        return stampNanos + layout.waypoints() * layout.waypointStepNanos();
    }
}
