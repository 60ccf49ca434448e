package dev.umwelt.episodes.export;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The arrays of every shard, in file order: name, dtype, the shape of one sample's row, what it
 * holds (meta.json and FORMAT.md carry the same text), and how a {@link TickSample} fills it.
 */
record DatasetLayout(int cameraWidth, int cameraHeight, int beams, int audioChannels, int audioFrames, int waypoints,
                     long waypointStepNanos) {
    /** Writes one sample's row of an array. */
    interface Fill {
        void into(TickSample s, ByteBuffer row);
    }

    record Column(String name, NpyType type, int[] rowShape, String description, Fill fill) {
        NpzShardWriter.Array array() {
            return new NpzShardWriter.Array(name, type, rowShape);
        }
    }

    static DatasetLayout of(ExportOptions o, DatasetRobot robot) {
        return new DatasetLayout(o.cameraWidth(), o.cameraHeight(), robot.beams(), o.audio() ? robot.microphones().size() : 0,
                o.audio() ? robot.audioFrames() : 0, o.waypoints(), o.waypointStepNanos());
    }

    /** Every array, the audio one only when samples carry audio (not with --no-audio). */
    List<Column> columns() {
        return java.util.stream.Stream.concat(all().stream(), TeacherLabels.COLUMNS.stream())
                .filter(c -> !c.name().equals("audio") || audioChannels * audioFrames > 0).toList();
    }

    private List<Column> all() {
        int m = TickSample.MODALITIES;
        return List.of(
                new Column("episode", NpyType.I4, new int[0], "index into meta.json episodes", (s, b) -> b.putInt(s.episode)),
                new Column("tick", NpyType.I4, new int[0], "the policy's decision number within its episode (0: the first)",
                        (s, b) -> b.putInt(s.tick)),
                new Column("stamp_ns", NpyType.I8, new int[0], "sim time of the tick, nanoseconds (sim epoch 2000-01-01)",
                        (s, b) -> b.putLong(s.stampNanos)),
                new Column("time_s", NpyType.F4, new int[0], "seconds since the episode's first tick", (s, b) -> b.putFloat(s.timeSeconds)),
                new Column("instruction", NpyType.I4, new int[0], "index into meta.json instructions: the instruction in force",
                        (s, b) -> b.putInt(s.instruction)),
                new Column("camera", NpyType.U1, new int[] {cameraHeight, cameraWidth, 3},
                        "the camera frame the policy saw, RGB, top row first, box-filtered to this size; zeros when absent",
                        (s, b) -> b.put(s.camera)),
                new Column("lidar", NpyType.F4, new int[] {beams},
                        "the scan the policy saw, metres, beam i at angle_min + i * angle_increment (REP-117: +inf no return, -inf too close, nan invalid); zeros when absent",
                        (s, b) -> putFloats(b, s.lidar)),
                new Column("audio", NpyType.I2, new int[] {audioChannels, audioFrames},
                        "the newest audio chunk the policy saw, PCM16 per microphone (meta.json audio.channels); zeros when absent",
                        (s, b) -> putShorts(b, s.audio)),
                new Column("odometry", NpyType.F4, new int[] {5},
                        "the odometry reading the policy saw: x, y, yaw in odom; linear m/s, angular rad/s; zeros when absent",
                        (s, b) -> putFloats(b, s.odometry)),
                new Column("presence", NpyType.U1, new int[] {m}, "1 where the sense was present, per meta.json modalities",
                        (s, b) -> b.put(s.presence)),
                new Column("absence", NpyType.U1, new int[] {m}, "why absent, index into meta.json absence_reasons (0: present)",
                        (s, b) -> b.put(s.absence)),
                new Column("age_s", NpyType.F4, new int[] {m}, "age of each sense's reading at the tick, seconds", (s, b) -> putFloats(b, s.ageSeconds)),
                new Column("action", NpyType.F4, new int[] {2},
                        "what the policy proposed for this tick: linear m/s, angular rad/s (its chunk's action in force; zeros for STOP)",
                        (s, b) -> putFloats(b, s.action)),
                new Column("command", NpyType.F4, new int[] {2},
                        "what the safety chain passed to the base: linear m/s, angular rad/s (zeros on a STOP tick, which issues none)",
                        (s, b) -> putFloats(b, s.command)),
                new Column("proposed_stop", NpyType.U1, new int[0], "1 where the policy emitted STOP", (s, b) -> b.put(bit(s.proposedStop))),
                new Column("stop", NpyType.U1, new int[0], "STOP label: 1 on the last tick of an episode that succeeded (its STOP)",
                        (s, b) -> b.put(bit(s.stop))),
                new Column("waypoints", NpyType.F4, new int[] {waypoints, 3},
                        "true pose k * step after the tick (k = 1..), in the robot's frame at the tick: x forward, y left (m), yaw (rad)",
                        (s, b) -> putFloats(b, s.waypoints)),
                new Column("waypoints_valid", NpyType.U1, new int[] {waypoints},
                        "0 past the episode's end (the waypoint then repeats where the robot ended)", (s, b) -> b.put(s.waypointsValid)),
                new Column("pose", NpyType.F4, new int[] {3}, "privileged: the true pose in map at the tick, x, y (m), yaw (rad)",
                        (s, b) -> b.putFloat(f(s.pose == null ? Double.NaN : s.pose.x())).putFloat(f(s.pose == null ? Double.NaN : s.pose.y()))
                                .putFloat(f(s.pose == null ? Double.NaN : s.pose.yaw()))),
                new Column("labels_valid", NpyType.U1, new int[0], "1 where the episode recorded ground-truth labels for the tick",
                        (s, b) -> b.put(bit(s.labelsValid))),
                new Column("target_distance", NpyType.F4, new int[0], "privileged: metres from base_link to what success is judged on",
                        (s, b) -> b.putFloat(s.targetDistance)),
                new Column("target_bearing", NpyType.F4, new int[0], "privileged: direction of the target's centre in base_link, rad",
                        (s, b) -> b.putFloat(s.targetBearing)),
                new Column("target_visible", NpyType.U1, new int[0], "privileged: 1 where the camera sees the target's centre unoccluded",
                        (s, b) -> b.put(bit(s.targetVisible))),
                new Column("target_object", NpyType.I2, new int[0],
                        "privileged: the object label of the target (0 when it is no object: PointNav, a free emitter)",
                        (s, b) -> b.putShort(s.targetObject)),
                new Column("beam_objects", NpyType.I2, new int[] {beams},
                        "privileged: what each lidar beam meets first: k >= 1 the episode's object k (meta.json episodes[e].objects[k-1]), 0 nothing in range, -1 a wall",
                        (s, b) -> putShorts(b, s.beamObjects)),
                new Column("column_objects", NpyType.I2, new int[] {cameraWidth},
                        "privileged: what each exported camera column's horizontal ray meets first, labels as beam_objects",
                        (s, b) -> putShorts(b, s.columnObjects)));
    }

    private static byte bit(boolean v) {
        return (byte) (v ? 1 : 0);
    }

    private static float f(double v) {
        return (float) v;
    }

    private static void putFloats(ByteBuffer b, float[] v) {
        for (float x : v) b.putFloat(x);
    }

    private static void putShorts(ByteBuffer b, short[] v) {
        for (short x : v) b.putShort(x);
    }
}
