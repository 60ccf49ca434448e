package dev.umwelt.scenarios.metrics;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.Task;

/**
 * Success, SPL and soft SPL of a navigation episode (any {@link Task}).
 *
 * <ul>
 *   <li>Success (Habitat): the policy emitted STOP and the final position is within the task's
 *       success radius of the goal ({@link Task#distanceToGoal}: Euclidean to the goal point, or to the
 *       target object's surface). Reaching the goal without stopping fails.</li>
 *   <li>SPL (Anderson et al. 2018): {@code S * l / max(p, l)}, l the geodesic start-goal
 *       distance, p the travelled path length.</li>
 *   <li>Geodesic distances come from {@link TaskGeodesics}: to the goal point (PointNav), or to
 *       the nearest free position within the success radius of the target's surface (ObjectNav,
 *       Habitat's distance to the nearest view point), 0 from inside that region.</li>
 *   <li>Soft SPL (Datta et al. 2020, Habitat's soft_spl): {@code max(0, 1 - dT/d0) * d0 /
 *       max(p, d0)}, d0 = geodesic start-goal, dT = geodesic final-goal. No STOP needed.</li>
 * </ul>
 *
 * <p>Edge cases: when l = d0 = 0 (the start is the goal) the ratios are 0/0; we define them as
 * 1 when the robot did not move (p = 0; so SPL = S and soft SPL = 1) and 0 when it moved,
 * which is the limit of the formulas for any p > 0. When the goal is unreachable
 * (l = +Infinity) SPL and soft SPL are 0: the scenario is unsolvable and nothing is efficient.
 * A final position in an unreachable pocket (dT = +Infinity) earns no soft-SPL progress.
 */
public final class MetricsCalculator {
    private MetricsCalculator() {}

    /**
     * @param geodesics built for the robot's footprint radius (not the planner's inflation)
     * @param trajectory ground-truth poses of the episode; empty means the robot never left the start
     */
    public static EpisodeMetrics compute(Scenario scenario, Geodesics geodesics, TrajectoryRecorder trajectory,
                                         int collisions, boolean stopped, double timeSeconds, String endReason) {
        Task task = scenario.task();
        Vec2 start = position(scenario.start());
        Vec2 end = trajectory.last() == null ? start : position(trajectory.last());
        double p = trajectory.pathLength();
        double d0 = TaskGeodesics.distance(geodesics, scenario.world(), task, start);
        double dT = TaskGeodesics.distance(geodesics, scenario.world(), task, end);
        boolean success = stopped && task.distanceToGoal(scenario.world(), end) <= task.successRadius();
        double spl = success ? efficiency(d0, p) : 0;
        double progress = d0 == 0 ? 1 : Double.isFinite(dT) ? Math.max(0, 1 - dT / d0) : 0;
        double softSpl = progress * efficiency(d0, p);
        return new EpisodeMetrics(success, spl, softSpl, p, collisions, timeSeconds, trajectory.hash(), d0, dT,
                stopped, endReason);
    }

    /** l / max(p, l), with 0/0 = 1 and l = +Infinity giving 0 (see the class comment). */
    static double efficiency(double l, double p) {
        if (!Double.isFinite(l)) return 0;
        double denominator = Math.max(p, l);
        return denominator == 0 ? 1 : l / denominator;
    }

    private static Vec2 position(Pose2D pose) {
        return new Vec2(pose.x(), pose.y());
    }
}
