package dev.umwelt.scenarios.metrics;

import dev.umwelt.bus.Pose2D;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The ground-truth trajectory of one episode, one pose per control tick. Keeps the travelled
 * path length (straight segments between consecutive positions) and a trajectory hash:
 * SHA-256 over the IEEE-754 bits ({@link Double#doubleToLongBits}, big-endian) of x, y and yaw
 * of every pose in order. Equal hashes mean bit-identical runs; one ulp anywhere changes it.
 * Not thread-safe: one episode, one thread.
 */
public final class TrajectoryRecorder {
    private final List<Pose2D> poses = new ArrayList<>();
    private final MessageDigest digest = sha256();
    private final ByteBuffer buffer = ByteBuffer.allocate(24); // big-endian by default
    private double pathLength;

    public void record(Pose2D pose) {
        Objects.requireNonNull(pose, "pose");
        if (!poses.isEmpty()) {
            Pose2D last = poses.get(poses.size() - 1);
            pathLength += Math.hypot(pose.x() - last.x(), pose.y() - last.y());
        }
        poses.add(pose);
        buffer.clear();
        buffer.putLong(Double.doubleToLongBits(pose.x()))
                .putLong(Double.doubleToLongBits(pose.y()))
                .putLong(Double.doubleToLongBits(pose.yaw()));
        digest.update(buffer.array());
    }

    public double pathLength() {
        return pathLength;
    }

    public List<Pose2D> poses() {
        return List.copyOf(poses);
    }

    public int size() {
        return poses.size();
    }

    /** The last recorded pose, or null when nothing was recorded. */
    public Pose2D last() {
        return poses.isEmpty() ? null : poses.get(poses.size() - 1);
    }

    /** First 16 lower-case hex characters of the SHA-256; recording may continue afterwards. */
    public String hash() {
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(copy.digest()).substring(0, 16);
        } catch (CloneNotSupportedException e) {
            MessageDigest again = sha256();
            ByteBuffer b = ByteBuffer.allocate(24);
            for (Pose2D p : poses) {
                b.clear();
                b.putLong(Double.doubleToLongBits(p.x())).putLong(Double.doubleToLongBits(p.y()))
                        .putLong(Double.doubleToLongBits(p.yaw()));
                again.update(b.array());
            }
            return HexFormat.of().formatHex(again.digest()).substring(0, 16);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
