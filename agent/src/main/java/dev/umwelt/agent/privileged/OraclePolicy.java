package dev.umwelt.agent.privileged;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.motion.CommandRamp;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.geodesic.ClearanceGrid;
import dev.umwelt.scenarios.geodesic.GeodesicPath;
import dev.umwelt.scenarios.geodesic.Geodesics;
import dev.umwelt.scenarios.geodesic.TaskGeodesics;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.MotionLimits;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.task.Task;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.umwelt.policy.motion.CommandRamp.clamp;

/**
 * The privileged planner for point and object goals: it knows the map, the goal (or the target
 * object) and its true pose, plans a geodesic once per episode and follows it by pure pursuit. An upper bound for evaluation,
 * never something to deploy. See policy/README.md for the parameters and why.
 */
public final class OraclePolicy implements PrivilegedPolicy {
    /** Extra clearance, beyond footprint plus safety margin, that the path keeps where room allows. */
    static final double COMFORT = 0.2;
    static final double MIN_LOOKAHEAD = 0.25, MAX_LOOKAHEAD = 0.55;
    static final double ROTATE_IN_PLACE = Math.toRadians(60);
    static final double REPLAN_OFF_PATH = 0.4, STALL_SECONDS = 3, STALL_PROGRESS = 0.1;
    /** Object goals: STOP this far from the target's surface at most, and never beyond successRadius - STOP_INSET. */
    static final double OBJECT_STOP = 0.75, STOP_INSET = 0.25;
    /** Object goals: the path ends this much deeper in than the STOP distance, so STOP comes on the way. */
    static final double OBJECT_PLAN_INSET = 0.15;

    private RobotDescription robot;
    /** In order of preference: every object an obstacle, then static ones only; wide, then bare clearance. */
    private List<Geodesics> planners;
    /** The clearance of the map the current path was planned on (speed scales with it). */
    private ClearanceGrid grid;
    /** The goal point (point goals), or null. */
    private Vec2 goal;
    /** The target (object goals), or null. */
    private WorldObject target;
    /** STOP when the distance to the goal point or the target's surface is at most this. */
    private double stopRadius;
    /** Object goals: plan to the region within this distance of the target's surface. */
    private double planRadius;
    private Polyline path;
    private double progress, bestRemaining;
    private long lastProgressNanos;
    private CommandRamp ramp;
    private int replans;

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public Set<Modality> requiredModalities() {
        return Set.of();
    }

    @Override
    public void reset(EpisodeContext context, Scenario scenario) {
        Task task = scenario.task();
        robot = context.robot();
        WorldMap world = scenario.world();
        double sr = task.successRadius();
        if (task instanceof PointGoal pg) {
            goal = pg.goal();
            target = null;
            stopRadius = Math.min(0.5 * sr, sr - 0.05);
        } else if (task instanceof ObjectGoal || task instanceof AudioGoal) {
            goal = null;
            // An AudioGoal's surface is the emitter's object, or a small disc around the emitter.
            target = task instanceof ObjectGoal og ? og.target(world) : ((AudioGoal) task).surface(world);
            // Comfortably inside the success region, so that pose noise or a late STOP still succeeds.
            stopRadius = Math.min(OBJECT_STOP, sr - STOP_INSET);
            planRadius = Math.max(0, stopRadius - OBJECT_PLAN_INSET);
        } else {
            throw new IllegalArgumentException("the oracle handles pointnav, objectnav and audiogoal tasks, got " + task.kind());
        }
        // Privileged: it knows where the movable objects start, so it plans around them first and
        // only pushes through them (the static map) when there is no other way.
        List<ClearanceGrid> grids = new ArrayList<>();
        if (!world.movableObjects().isEmpty()) grids.add(ClearanceGrid.build(withEverythingFixed(world)));
        grids.add(ClearanceGrid.build(world));
        planners = new ArrayList<>();
        for (ClearanceGrid g : grids) {
            planners.add(new Geodesics(g, robot.footprintRadius() + robot.safetyMargin() / 2));
            planners.add(new Geodesics(g, robot.footprintRadius()));
        }
        path = null;
        ramp = new CommandRamp(robot.limits());
        replans = 0;
    }

    private static WorldMap withEverythingFixed(WorldMap w) {
        List<WorldObject> fixed = w.objects().stream().map(o -> new WorldObject(o.id(), o.label(), o.shape(), o.colour(),
                o.pose(), o.sizeX(), o.sizeY(), o.height(), false, o.massKg())).toList();
        return new WorldMap(w.walls(), w.doors(), w.rooms(), fixed);
    }

    /**
     * After {@link #reset}: the robot is already moving with {@code command} (another policy drove
     * until now), so the first commands ramp from it, within the acceleration limits, not from rest.
     */
    public void continueFrom(Twist2D command) {
        ramp.resume(command.linear(), command.angular());
    }

    /**
     * After {@link #reset}: the geodesic distance (m) from {@code from} to where the oracle plans to
     * go, on the static map at the bare footprint (the most permissive of its planners, so never
     * more than it will drive); +Infinity when there is no way.
     */
    public double distanceToGoal(Vec2 from) {
        Geodesics g = planners.get(planners.size() - 1);
        return goal != null ? g.distance(from, goal)
                : TaskGeodesics.pathToObject(g, target, planRadius, from).map(GeodesicPath::length).orElse(Double.POSITIVE_INFINITY);
    }

    /** How many times the current episode replanned (the first plan not counted). */
    public int replans() {
        return replans;
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (robot == null) throw new IllegalStateException("reset() the oracle before act()");
        Pose2D pose = observation.privileged().orElseThrow(() -> new IllegalStateException(
                "the oracle needs Observation.privilegedPose; run it as a privileged policy"));
        long stamp = observation.stampNanos(), period = robot.controlPeriodNanos();
        double dGoal = goal != null ? Math.hypot(goal.x() - pose.x(), goal.y() - pose.y())
                : target.distanceTo(new Vec2(pose.x(), pose.y()));
        if (dGoal <= stopRadius) {
            ramp.reset();
            return ActionChunk.stop(stamp, period);
        }
        if (path == null) plan(pose, stamp);
        double[] proj = path.project(pose.x(), pose.y(), progress, 1.5);
        if (proj[1] > REPLAN_OFF_PATH || stalled(stamp, proj[0])) {
            replans++;
            plan(pose, stamp);
            proj = path.project(pose.x(), pose.y(), 0, 1.5);
        }
        progress = proj[0];
        return ActionChunk.move(stamp, period, control(pose, dGoal, period * 1e-9));
    }

    private void plan(Pose2D pose, long stamp) {
        Vec2 from = new Vec2(pose.x(), pose.y());
        Optional<GeodesicPath> p = Optional.empty();
        Geodesics used = planners.get(planners.size() - 1);
        for (Geodesics candidate : planners) {
            p = goal != null ? candidate.shortestPath(from, goal) : TaskGeodesics.pathToObject(candidate, target, planRadius, from);
            if (p.isPresent()) {
                used = candidate;
                break;
            }
        }
        // Unreachable even at the bare footprint: head straight for the goal and let the shield judge.
        var waypoints = p.map(GeodesicPath::waypoints).orElse(List.of(from, goal != null ? goal : target.position()));
        double floor = used.inflationRadius();
        grid = used.grid();
        path = OraclePath.shaped(waypoints, grid, floor, robot.inflationRadius() + COMFORT);
        progress = 0;
        bestRemaining = path.length();
        lastProgressNanos = stamp;
    }

    private boolean stalled(long stamp, double s) {
        double remaining = path.length() - s;
        if (remaining < bestRemaining - STALL_PROGRESS) {
            bestRemaining = remaining;
            lastProgressNanos = stamp;
            return false;
        }
        return (stamp - lastProgressNanos) * 1e-9 > STALL_SECONDS;
    }

    private Twist2D control(Pose2D pose, double dGoal, double dt) {
        MotionLimits lim = robot.limits();
        double fp = robot.footprintRadius();
        double clearance = grid.clearanceAt(pose.x(), pose.y());
        // Short lookahead in tight places tracks the (centred) path closely; long in the open is smooth.
        double lookahead = clamp(0.2 + (clearance - fp), MIN_LOOKAHEAD, MAX_LOOKAHEAD);
        double[] carrot = path.at(progress + lookahead);
        double dx = carrot[0] - pose.x(), dy = carrot[1] - pose.y();
        double ld = Math.max(1e-6, Math.hypot(dx, dy));
        double alpha = Angles.difference(Math.atan2(dy, dx), pose.yaw());
        double v, w;
        if (Math.abs(alpha) > ROTATE_IN_PLACE) {
            v = 0;
            w = clamp(2.0 * alpha, -lim.maxAngularVelocity(), lim.maxAngularVelocity());
        } else {
            double vmax = lim.maxLinearVelocity();
            double obstacleScale = clamp((clearance - fp) / 0.35, 0.3, 1.0);
            double headingScale = clamp(1 - Math.abs(alpha) / ROTATE_IN_PLACE, 0.2, 1.0);
            // Brake so that we would come to rest inside the stop circle: at its inner half for a
            // point, OBJECT_PLAN_INSET inside it for an object (where the path ends).
            double restAt = goal != null ? 0.5 * stopRadius : stopRadius - OBJECT_PLAN_INSET;
            double brake = Math.sqrt(2 * lim.maxLinearAcceleration() * 0.7 * Math.max(0, dGoal - restAt));
            v = Math.min(vmax * obstacleScale * headingScale, Math.max(0.05, brake));
            w = v * 2 * Math.sin(alpha) / ld;
            if (Math.abs(w) > lim.maxAngularVelocity()) {
                v *= lim.maxAngularVelocity() / Math.abs(w);
                w = Math.copySign(lim.maxAngularVelocity(), w);
            }
        }
        return ramp.next(v, w, dt);
    }
}
