package dev.umwelt.bus.belief;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of what one robot believes, published at a fixed rate on
 * {@link dev.umwelt.bus.Addresses#belief()}: its base_link pose in {@code map} (frame of the
 * header), the {@code map -> odom} correction its scan matching keeps, the score of the last
 * scan match (0..1; NaN before the first match), the objects it remembers, the sound sources it
 * has localised, how many reachable frontiers remain and how much floor it has seen free. The
 * grid itself is not shipped: in one process the policy asks the world model directly.
 */
public record Belief(Header header, Pose2D pose, Pose2D mapToOdom, double matchScore, List<ObjectBelief> objects,
                     List<SoundBelief> sounds, int frontierCount, double exploredAreaM2) {

    public Belief {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(mapToOdom, "mapToOdom");
        objects = List.copyOf(objects);
        sounds = List.copyOf(sounds);
        if (frontierCount < 0) throw new IllegalArgumentException("frontierCount must be >= 0: " + frontierCount);
        if (!(exploredAreaM2 >= 0)) throw new IllegalArgumentException("exploredAreaM2 must be >= 0: " + exploredAreaM2);
    }

    /**
     * A remembered object in {@code map}: palette colour name, shape name (the scenarios' Shape
     * enum by name: BOX, CYLINDER, SPHERE, CONE; empty when unknown), centre, radius in metres,
     * confidence 0..1, how often seen and when last (ns).
     */
    public record ObjectBelief(int id, String colour, String shape, double x, double y, double radius,
                               double confidence, int sightings, long lastSeenNanos) {
        public ObjectBelief {
            colour = colour == null ? "" : colour;
            shape = shape == null ? "" : shape;
        }
    }

    /**
     * A localised sound source in {@code map}: position, 1-sigma uncertainty (m), level (dB), bearings used.
     * A source with 0 bearings was fitted to the tone's levels (the world model's tone map, the one the
     * policies act on): its level is dB at 1 m and its uncertainty nominal.
     */
    public record SoundBelief(double x, double y, double uncertainty, double levelDb, long lastHeardNanos, int bearings) {}
}
