package dev.umwelt.bus.episode;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Privileged ground truth at one control tick, for auxiliary perception labels in training data
 * (umwelt_msgs/GroundTruthLabels): where the task's target is relative to the robot, whether the
 * camera sees it, and which object each lidar beam and camera column meets first. A label
 * {@code k >= 1} names {@code objects.get(k - 1)}, {@link #NOTHING} nothing within range,
 * {@link #WALL} a wall. Episode files keep it on its own channel; no policy observes it.
 */
public record GroundTruthLabels(Header header, String targetId, double targetX, double targetY, double targetDistance,
                                double targetBearing, boolean targetVisible, List<String> objects, short[] beamLabels,
                                short[] columnLabels) implements Stamped {
    public static final short NOTHING = 0, WALL = -1;

    public GroundTruthLabels {
        Objects.requireNonNull(header, "header");
        targetId = targetId == null ? "" : targetId;
        objects = List.copyOf(objects);
        Objects.requireNonNull(beamLabels, "beamLabels");
        Objects.requireNonNull(columnLabels, "columnLabels");
        check(beamLabels, objects.size(), "beam");
        check(columnLabels, objects.size(), "column");
    }

    private static void check(short[] labels, int objects, String what) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < WALL || labels[i] > objects) {
                throw new IllegalArgumentException(what + " label " + i + " is " + labels[i] + ", outside [-1, " + objects + "]");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroundTruthLabels g && header.equals(g.header) && targetId.equals(g.targetId)
                && Double.compare(targetX, g.targetX) == 0 && Double.compare(targetY, g.targetY) == 0
                && Double.compare(targetDistance, g.targetDistance) == 0
                && Double.compare(targetBearing, g.targetBearing) == 0 && targetVisible == g.targetVisible
                && objects.equals(g.objects) && Arrays.equals(beamLabels, g.beamLabels)
                && Arrays.equals(columnLabels, g.columnLabels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, targetId, targetDistance, Arrays.hashCode(beamLabels), Arrays.hashCode(columnLabels));
    }

    @Override
    public String toString() {
        return "GroundTruthLabels[" + header + ", target=" + targetId + ", distance=" + targetDistance + ", bearing="
                + targetBearing + ", visible=" + targetVisible + ", beams=" + beamLabels.length + ", columns="
                + columnLabels.length + "]";
    }
}
