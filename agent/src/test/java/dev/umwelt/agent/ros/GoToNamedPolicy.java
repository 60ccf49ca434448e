package dev.umwelt.agent.ros;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;

import java.util.Map;
import java.util.Set;

/**
 * Test wiring only (the explorer replaces it): knows where named things are in odom (as a map
 * handed over by the test) and drives there on odometry alone; STOP within {@code stopAt} of the
 * named thing. Deterministic: a function of the observations.
 */
final class GoToNamedPolicy implements Policy {
    private final Map<String, double[]> placesInOdom;
    private final double stopAt;
    private double[] target;

    GoToNamedPolicy(Map<String, double[]> placesInOdom, double stopAt) {
        this.placesInOdom = placesInOdom;
        this.stopAt = stopAt;
    }

    @Override public String name() { return "go-to-named"; }
    @Override public Set<Modality> requiredModalities() { return Set.of(Modality.ODOMETRY, Modality.LIDAR); }

    @Override
    public void reset(EpisodeContext context) {
        target = null;
        String text = context.instruction().text().toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<String, double[]> e : placesInOdom.entrySet()) if (text.contains(e.getKey())) target = e.getValue();
    }

    @Override
    public ActionChunk act(Observation obs, Instruction instruction) {
        long step = 50_000_000L;
        if (target == null) return ActionChunk.stop(obs.stampNanos(), step);
        if (!obs.has(Modality.ODOMETRY)) return ActionChunk.move(obs.stampNanos(), step, Twist2D.ZERO);
        Pose2D p = obs.odometry().reading().pose();
        double dx = target[0] - p.x(), dy = target[1] - p.y(), d = Math.hypot(dx, dy);
        if (d < stopAt) return ActionChunk.stop(obs.stampNanos(), step);
        double err = Math.atan2(Math.sin(Math.atan2(dy, dx) - p.yaw()), Math.cos(Math.atan2(dy, dx) - p.yaw()));
        double w = Math.max(-1.5, Math.min(1.5, 2.0 * err));
        double v = Math.abs(err) > 0.6 ? 0.0 : Math.min(0.5, 0.6 * (d - stopAt) + 0.1);
        return ActionChunk.move(obs.stampNanos(), step, new Twist2D(v, w));
    }
}
