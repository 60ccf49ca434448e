package dev.umwelt.episodes.export;

/**
 * How a dataset is cut: the camera's exported size, samples per shard, the waypoint labels (how
 * many future poses, how far apart in sim time), and whether the audio array is written (a
 * third of a sample's bytes; silent tasks can leave it out). Defaults: 64x48, 4096, 5 every
 * 0.2 s, with audio.
 */
public record ExportOptions(int cameraWidth, int cameraHeight, int shardSamples, int waypoints, long waypointStepNanos,
                            boolean audio) {
    public static final int MAX_CAMERA_SIDE = 1024, MAX_SHARD_SAMPLES = 1_000_000, MAX_WAYPOINTS = 100;
    public static final ExportOptions DEFAULT = new ExportOptions(64, 48, 4096, 5, 200_000_000L, true);

    public ExportOptions {
        if (cameraWidth < 1 || cameraWidth > MAX_CAMERA_SIDE || cameraHeight < 1 || cameraHeight > MAX_CAMERA_SIDE) {
            throw new IllegalArgumentException("camera size " + cameraWidth + "x" + cameraHeight + " outside [1, "
                    + MAX_CAMERA_SIDE + "] per side");
        }
        if (shardSamples < 1 || shardSamples > MAX_SHARD_SAMPLES) {
            throw new IllegalArgumentException("shard size " + shardSamples + " outside [1, " + MAX_SHARD_SAMPLES + "]");
        }
        if (waypoints < 1 || waypoints > MAX_WAYPOINTS) {
            throw new IllegalArgumentException("waypoints " + waypoints + " outside [1, " + MAX_WAYPOINTS + "]");
        }
        if (waypointStepNanos <= 0) throw new IllegalArgumentException("waypoint step must be positive: " + waypointStepNanos + " ns");
    }
}
