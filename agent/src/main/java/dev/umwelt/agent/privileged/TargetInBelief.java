package dev.umwelt.agent.privileged;

import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.objects.ObjectQuery;
import dev.umwelt.worldmodel.objects.RememberedObject;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the robot's own belief holds the true target yet: the teacher hands over to the oracle
 * then, so that what it demonstrates before is what a non-privileged robot could do, and after,
 * the best way to a target the robot knows of. Checked against ground truth (the teacher is
 * privileged), so a belief that points at the wrong thing never counts.
 */
final class TargetInBelief {
    /** A remembered object counts when its centre lies this near the true target's surface. */
    static final double OBJECT_NEAR = 0.5;
    /** ... and it was seen this often with at least this confidence (one glimpse may be a misreading). */
    static final int OBJECT_SIGHTINGS = 3;
    static final double OBJECT_CONFIDENCE = 0.3;
    /** A sound fit counts when it lies this near the emitter on the floor plan, supported by this many samples. */
    static final double SOUND_NEAR = 1.0;
    static final int SOUND_INLIERS = 8;

    private TargetInBelief() {}

    /**
     * ObjectNav: a remembered object of the target's colour, its shape read as the target's or not
     * read yet (and not leaning to another), seen {@link #OBJECT_SIGHTINGS} times with confidence
     * {@link #OBJECT_CONFIDENCE}, within {@link #OBJECT_NEAR} of the target. Empty while none is.
     */
    static Optional<String> object(WorldModel belief, WorldObject target) {
        Shape need = ObjectQuery.shapeOfLabel(target.label()).orElse(null);
        ObjectQuery query = new ObjectQuery(target.colour().name(), need, target.label());
        for (RememberedObject o : belief.objects().objects()) {
            if (!query.matches(o) || need != null && o.leaning() != null && o.leaning() != need) continue;
            if (o.sightings() < OBJECT_SIGHTINGS || o.confidence() < OBJECT_CONFIDENCE) continue;
            double off = target.distanceTo(new Vec2(o.x(), o.y()));
            if (off > OBJECT_NEAR) continue;
            return Optional.of(String.format(Locale.ROOT, "the %s %s is in the belief (remembered at (%.2f, %.2f), %.2f m from its "
                    + "centre, %d sightings)", target.colour().name(), target.label(), o.x(), o.y(),
                    target.position().distanceTo(new Vec2(o.x(), o.y())), o.sightings()));
        }
        return Optional.empty();
    }

    /** AudioGoal: the explorer's fit within {@link #SOUND_NEAR} of the emitter with {@link #SOUND_INLIERS} agreeing samples. */
    static Optional<String> sound(ExplorerPolicy explorer, Vec2 emitter, String words) {
        Optional<ExplorerPolicy.HeardSource> heard = explorer.heardSource();
        if (heard.isEmpty()) return Optional.empty();
        ExplorerPolicy.HeardSource h = heard.get();
        double off = Math.hypot(h.x() - emitter.x(), h.y() - emitter.y());
        if (off > SOUND_NEAR || h.inliers() < SOUND_INLIERS) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "the %s is in the belief (heard at (%.2f, %.2f), %.2f m from it, %d inliers%s)",
                words, h.x(), h.y(), off, h.inliers(), h.trusted() ? ", trusted" : ""));
    }
}
