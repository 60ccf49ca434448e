package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.objects.ObjectQuery;

/** What the explorer was asked to reach, from the instruction. */
sealed interface Goal {
    /** How notes name it: "the red box", "the beeping alarm", "(1.00, 2.00)". */
    default String describe() {
        if (this instanceof FindObject f) return "the " + f.words();
        if (this instanceof FindSound s) return "the " + s.soundWord();
        if (this instanceof ReachPoint p) return String.format(java.util.Locale.ROOT, "(%.2f, %.2f)", p.x(), p.y());
        return "the goal";
    }

    /** ObjectNav: an object the camera can recognise. */
    record FindObject(ObjectQuery query, String words) implements Goal {}

    /** AudioGoal: the sounding source. */
    record FindSound(String soundWord) implements Goal {}

    /** PointNav: a point in the map frame. */
    record ReachPoint(double x, double y) implements Goal {}

    /** The instruction could not be understood; the explorer says why and STOPs rather than guess. */
    record NotUnderstood(String reason) implements Goal {}
}
