package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.sound.ToneMap;
import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.StraightPath;

/**
 * What the explorer drives to for its goal: the remembered object of the asked colour and shape
 * (via {@link ObjectChoice}), the fitted sound source or a point around it to circle (via
 * {@link SoundSeeking}), or the asked point; null while it is not known. The explorer keeps its
 * modes (look, explore, approach, recover) and only asks this where to go and when it is there.
 */
final class TargetChoice {
    /*
     * Stand-offs and STOP distances are ExplorerConfig's: objects are planned to [r + 0.25, r +
     * objectStandoff] from the centre and STOP within objectStop of the surface, facing it; unsure
     * objects are looked at from [r + 1.3, r + verifyStandoff] (the silhouette names shapes from
     * 1.1 m), not nearer than verifyNearest to the surface (up close it overfills the image).
     */
    private final ExplorerConfig config;

    /** What to drive to: centre, radius, plan stand-off and STOP distance (from the surface); confirmed: may STOP there. */
    record Aim(double x, double y, double radius, double standoff, double stop, boolean confirmed,
               RememberedObject object, double nearest) {
        Aim(double x, double y, double radius, double standoff, double stop, boolean confirmed, RememberedObject object) {
            this(x, y, radius, standoff, stop, confirmed, object, 0);
        }

        /** Within STOP distance of the surface, and not nearer than {@code nearest}. */
        boolean reachedFrom(double surfaceDistance) {
            return surfaceDistance <= stop && surfaceDistance >= nearest;
        }

        /** Distance from the robot to the aim's surface (to its centre for points and sounds). */
        double stopDistance(Pose2D pose) {
            return Math.hypot(x - pose.x(), y - pose.y()) - radius;
        }

        /** The robot heads at the aim's centre within {@code facing} radians. */
        boolean facedFrom(Pose2D pose, double facing) {
            return Math.abs(Angles.difference(Math.atan2(y - pose.y(), x - pose.x()), pose.yaw())) <= facing;
        }
    }

    private final Goal goal;
    private final ObjectChoice objectChoice;
    private final SoundSeeking sound;
    private final WorldModel belief;
    private String ambiguity;

    /** objectChoice only for object goals, sound only read for sound goals. */
    TargetChoice(Goal goal, ObjectChoice objectChoice, SoundSeeking sound, WorldModel belief, ExplorerConfig config) {
        this.goal = goal;
        this.config = config;
        this.objectChoice = objectChoice;
        this.sound = sound;
        this.belief = belief;
    }

    /** Object goals: why the last {@link #choose} picked among several confirmed objects, else null. */
    String ambiguity() {
        return ambiguity;
    }

    /**
     * What to drive to, or null while it is not known. {@code exhausted}: nothing reachable is
     * left to explore, so object goals also take colour matches whose shape was read otherwise.
     */
    Aim choose(Pose2D pose, long now, boolean exhausted) {
        ambiguity = null;
        if (goal instanceof Goal.ReachPoint p) return new Aim(p.x(), p.y(), 0, 0.05, config.pointStop(), true, null);
        if (goal instanceof Goal.FindObject) {
            ObjectChoice.Choice c = objectChoice.choose(belief.objects().objects(), pose.x(), pose.y(), exhausted);
            if (c == null) return null;
            ambiguity = c.ambiguity();
            RememberedObject o = c.object();
            // An unsure object is looked at from farther off first: up close it overfills the
            // image and its silhouette (hence its shape) cannot be read.
            if (!c.confirmed() && !objectChoice.lookedLongEnough(o, now, 0)) {
                return new Aim(o.x(), o.y(), o.radius(), config.verifyStandoff(), config.verifyStop(), false, o, config.verifyNearest());
            }
            return new Aim(o.x(), o.y(), o.radius(), config.objectStandoff(), config.objectStop(), true, o);
        }
        if (goal instanceof Goal.FindSound) {
            ToneMap.Fit f = sound.fit(now);
            // A fit set aside after an unconfirmed visit is taken up again once it is trusted.
            if (f == null || sound.recentlyVisited(f.x(), f.y(), now) && !sound.trusted(f)) return null;
            boolean confirmed = sound.confirmedAt(pose, f);
            double[] orbit = confirmed ? null : sound.orbit(pose, f, now,
                    (x0, y0, x1, y1) -> StraightPath.isFree(belief.grid(), x0, y0, x1, y1, 0, false));
            if (orbit != null) return new Aim(orbit[0], orbit[1], 0, config.soundStandoff(), 0.2, false, null);
            return new Aim(f.x(), f.y(), 0, config.soundStandoff(), config.soundStop(), confirmed, null);
        }
        return null;
    }
}
