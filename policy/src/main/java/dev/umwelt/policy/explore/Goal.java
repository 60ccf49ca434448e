package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.objects.ObjectQuery;

/** What the explorer was asked to reach, from the instruction. */
sealed interface Goal {
    /** ObjectNav: an object the camera can recognise. */
    record FindObject(ObjectQuery query, String words) implements Goal {}

    /** AudioGoal: the sounding source. */
    record FindSound(String soundWord) implements Goal {}

    /** PointNav: a point in the map frame. */
    record ReachPoint(double x, double y) implements Goal {}

    /** The instruction could not be understood; the explorer says why and STOPs rather than guess. */
    record NotUnderstood(String reason) implements Goal {}
}
