package dev.umwelt.policy.explore;

import dev.umwelt.worldmodel.sound.ToneMap;
import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.policy.explore.TargetChoice.Aim;
import dev.umwelt.policy.motion.Polyline;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;
import dev.umwelt.worldmodel.query.Frontiers;
import dev.umwelt.worldmodel.query.GridPlanner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The non-privileged explorer for ObjectNav, AudioGoal and PointNav: it reads only its senses
 * (through the world model: corrected pose, occupancy grid, object memory, sound map), never the
 * scenario or the true pose. States: LOOK (a 360 degree look-around at the start and at new
 * places), EXPLORE (drive to the best reachable frontier, replanning as the grid grows), APPROACH
 * (plan to a stand-off point near the remembered target), FACE then STOP, RECOVER (back off when
 * stuck), DONE (STOP with a note: instruction not understood, ambiguous, or nothing left to
 * explore). Its tuning is an {@link ExplorerConfig}; see policy/README.md for the measured figures.
 */
public final class ExplorerPolicy implements Policy {
    /** Metres: half the side of the grid the explorer keeps when no host gives it a world model. */
    static final double GRID_HALF_SIZE = 20;

    private final ExplorerConfig config;
    private final FrontierChoice frontiers;
    /** Radians: facing the target within this before STOP (config.facing() degrees). */
    private final double facing;

    private static final boolean DEBUG = Boolean.getBoolean("umwelt.explorer.debug");
    private static final boolean TRACE = Boolean.getBoolean("umwelt.explorer.trace");
    private long startStamp = Long.MIN_VALUE;

    enum Mode { LOOK, EXPLORE, APPROACH, RECOVER, DONE }

    private RobotDescription robot;
    private Goal goal;
    private ObjectChoice objectChoice;
    /** What to drive to for the goal (object, sound fit or orbit point, point). */
    private TargetChoice aims;
    private double[] lastAim;
    /** No reachable frontier is left (object goals then accept a colour match of another voted shape). */
    private boolean exhausted;
    /** AudioGoal: the source fitted to tone levels heard along the way (see SoundSeeking). */
    private SoundSeeking sound;
    private boolean goingToLoudest;
    /** The robot's belief: the agent's world model, or (no agent) one the explorer owns and feeds. */
    private WorldModel belief;
    private boolean feedsBelief;
    private Drive drive;
    /** Object goals: the floor the camera has looked at; the unviewed clusters are explored like frontiers. */
    private CameraCoverage coverage;
    /** An unviewed cluster next to the robot that it is turning to look at, and until when. */
    private Frontiers.Cluster viewing;
    private long viewingUntil;
    private Mode mode;
    private String note;
    private double hard, preferred;
    /** Polyline following: the planned route, progress along it, stall detection. */
    private final Route route;
    /** The explorer's own grid search over the belief's clearance field (the world model's planner keeps its default rules). */
    private GridPlanner planner;
    /** The box around the poses passed (the planning window) and the look-arounds. */
    private final Travelled travelled = new Travelled();
    private final List<double[]> blacklist = new ArrayList<>();
    /** Times the given-up frontiers were tried again once nothing else was left. */
    private int retries;
    private long recoverUntil;

    /** With the measured defaults ({@link ExplorerConfig#DEFAULTS}). */
    public ExplorerPolicy() {
        this(ExplorerConfig.DEFAULTS);
    }

    public ExplorerPolicy(ExplorerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.frontiers = new FrontierChoice(config);
        this.facing = Math.toRadians(config.facing());
        this.route = new Route(config);
    }

    /** The tuning this explorer drives with. */
    public ExplorerConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "explorer";
    }

    /** Lidar and odometry always; the camera for object goals, audio for sound goals (camera until reset). */
    @Override
    public Set<Modality> requiredModalities() {
        // Safe driving needs the lidar and odometry only. Without the camera or the microphones the
        // explorer stops learning where things are, not driving safely: a blank wall filling the
        // frame (one colour, judged corrupt) must not freeze the robot in front of it.
        return EnumSet.of(Modality.LIDAR, Modality.ODOMETRY);
    }

    @Override
    public Set<Modality> sensedModalities() {
        return EnumSet.of(Modality.LIDAR, Modality.ODOMETRY, Modality.CAMERA, Modality.AUDIO);
    }

    @Override
    public void reset(EpisodeContext context) {
        robot = context.robot();
        goal = GoalParser.parse(context.instruction().text());
        objectChoice = goal instanceof Goal.FindObject f ? new ObjectChoice(f.query(), f.words(), config) : null;
        lastAim = null;
        exhausted = false;
        goingToLoudest = false;
        // Without the agent's world model the explorer keeps its own, in the odometry frame (so it
        // cannot take point goals in the scenario's frame, whose start pose it is not told).
        feedsBelief = context.worldModel().isEmpty();
        belief = context.worldModel().orElseGet(() -> new WorldModel(robot, Pose2D.ORIGIN,
                WorldModelConfig.DEFAULTS.withSize(2 * GRID_HALF_SIZE, 2 * GRID_HALF_SIZE)));
        sound = new SoundSeeking(config, belief.tones());
        aims = new TargetChoice(goal, objectChoice, sound, belief, config);
        drive = new Drive(robot, config);
        coverage = goal instanceof Goal.FindObject ? CameraCoverage.of(belief.grid(), robot, config) : null;
        viewing = null;
        hard = robot.footprintRadius() + config.hardMargin();
        preferred = robot.inflationRadius() + config.preferredMargin();
        note = goal instanceof Goal.NotUnderstood n ? "instruction not understood: " + n.reason() : null;
        mode = goal instanceof Goal.NotUnderstood ? Mode.DONE : goal instanceof Goal.FindObject ? Mode.LOOK : Mode.EXPLORE;
        planner = new GridPlanner(belief.clearance(), belief.planner().rules());
        route.reset(drive, belief, preferred);
        startStamp = Long.MIN_VALUE;
        travelled.reset();
        blacklist.clear();
        retries = 0;
    }

    /** Why the explorer stopped or what it is doing, for the episode log; empty while nothing to say. */
    @Override
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    Mode mode() {
        return mode;
    }

    /** Where the explorer's latest fit of the tone levels puts the sound source, and how well it is supported. */
    public record HeardSource(double x, double y, int inliers, boolean trusted) {}

    /**
     * AudioGoal: the sound source as the explorer currently believes it (its latest fit, not refitted
     * here: reading it changes nothing); empty before a fit and for other goals. A teacher watches it
     * to know when the robot has found what it was asked for.
     */
    public Optional<HeardSource> heardSource() {
        ToneMap.Fit f = goal instanceof Goal.FindSound ? sound.latest() : null;
        return f == null ? Optional.empty() : Optional.of(new HeardSource(f.x(), f.y(), f.inliers(), sound.trusted(f)));
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (robot == null) throw new IllegalStateException("reset() the explorer before act()");
        long now = observation.stampNanos(), period = robot.controlPeriodNanos();
        if (startStamp == Long.MIN_VALUE) startStamp = now;
        if (mode == Mode.DONE) return ActionChunk.stop(now, period);
        if (feedsBelief) belief.update(observation); // the agent feeds its own before each act
        if (coverage != null && observation.camera().present() && observation.lidar().present()) {
            coverage.observe(observation.camera().reading().header().stampNanos(), observation.lidar().reading(), belief.pose());
        }
        if (belief.grid().scans() == 0) return ActionChunk.move(now, period, drive.halt());
        Pose2D pose = belief.pose();
        travelled.pass(pose);
        Twist2D t = decide(pose, now);
        if (DEBUG && (now / 100_000_000L) % 20 == 0) debug(pose, now);
        if (t == null) {
            if (TRACE) System.err.printf("explorer-stop t=%.1f '%s': %s%n", (now - startStamp) * 1e-9, instruction.text(), note);
            mode = Mode.DONE;
            drive.reset();
            return ActionChunk.stop(now, period);
        }
        return ActionChunk.move(now, period, t);
    }

    /** -Dumwelt.explorer.debug: every 2 s, the mode, pose, candidate objects and what is heard. */
    private void debug(Pose2D pose, long now) {
        System.err.printf("t=%.1f mode=%s pose=(%.2f,%.2f) objs=%s%n", now * 1e-9 % 1000, mode, pose.x(), pose.y(),
                belief.objects().objects().stream().filter(o -> objectChoice == null || o.colour().equals(((Goal.FindObject) goal).query().colour()))
                        .map(o -> String.format("%s/%s(%.2f,%.2f r%.2f c%.2f n%d lean %s%s far %.1f)", o.colour(), o.shape(), o.x(), o.y(), o.radius(),
                                o.confidence(), o.sightings(), o.leaning(), o.flatTopped() ? " flat" : "", o.farthestRange())).toList()
                        + " heard=" + sound.heard() + " spread=" + sound.spread() + " fit=" + sound.fit(now) + " sound=" + belief.sounds().strongest()
                        + " bearing=" + belief.sounds().latestBearing() + " turn=" + belief.sounds().needsTurnToDisambiguate());
    }

    /** The twist for this tick, or null for STOP. */
    private Twist2D decide(Pose2D pose, long now) {
        Twist2D t = decideInner(pose, now);
        // Stall detection only counts time spent following a route; turning on the spot restarts it.
        if (t != null && Math.abs(t.linear()) < 1e-3) route.restartStallClock();
        return t;
    }

    private Twist2D decideInner(Pose2D pose, long now) {
        if (mode == Mode.RECOVER) {
            if (now < recoverUntil) return drive.straight(-config.recoverSpeed());
            mode = Mode.EXPLORE;
            route.drop();
        }
        Aim target = target(pose, now);
        if (target != null && objectChoice != null && !target.confirmed() && target.reachedFrom(target.stopDistance(pose))
                && target.facedFrom(pose, facing) && objectChoice.lookedLongEnough(target.object(), now, robot.controlPeriodNanos())) {
            note = String.format(java.util.Locale.ROOT, "taking the %s object at (%.2f, %.2f) as %s: shape not read, nothing against it",
                    target.object().colour(), target.x(), target.y(), describe());
            target = target(pose, now);
        }
        // At a sound fit that is not trusted yet: standing still teaches nothing, so explore on.
        if (target != null && goal instanceof Goal.FindSound && !target.confirmed() && target.stopDistance(pose) <= target.stop()) {
            sound.visited(target.x(), target.y(), now);
            target = null;
        }
        if (target != null) {
            double dist = target.stopDistance(pose);
            if (target.reachedFrom(dist)) {
                if (!(goal instanceof Goal.FindObject)) {
                    note = String.format(java.util.Locale.ROOT, "at %s: %.2f m from (%.2f, %.2f)", describe(), dist, target.x(), target.y());
                    if (goal instanceof Goal.FindSound) note += " " + sound.fit(now) + " snr1m=" + sound.snrAtOneMetre(sound.fit(now));
                    return null;
                }
                double err = Angles.difference(Math.atan2(target.y() - pose.y(), target.x() - pose.x()), pose.yaw());
                if (target.confirmed() && Math.abs(err) <= facing && Math.abs(drive.lastW()) < 0.3) {
                    note = String.format(java.util.Locale.ROOT, "at %s: %.2f m from (%.2f, %.2f)", describe(), dist, target.x(), target.y());
                    return null;
                }
                return Math.abs(err) <= facing ? drive.halt() : drive.turn(err);
            }
            if (mode != Mode.APPROACH || route.goal() == null || lastAim == null
                    || Math.hypot(lastAim[0] - target.x(), lastAim[1] - target.y()) > 0.3) route.drop();
            if (mode != Mode.APPROACH || lastAim == null || Math.hypot(lastAim[0] - target.x(), lastAim[1] - target.y()) > 1.0) {
                note = String.format(java.util.Locale.ROOT, "approaching %s%s at (%.2f, %.2f)", target.confirmed() ? "" : "what may be ",
                        describe(), target.x(), target.y());
            }
            if (!route.active()) lastAim = new double[] {target.x(), target.y()};
            mode = Mode.APPROACH;
            Twist2D t = approach(pose, now, target);
            if (t != null) return t;
            mode = Mode.EXPLORE; // no way to the target yet: keep exploring, the map will grow
        } else if (mode == Mode.APPROACH) {
            mode = Mode.EXPLORE;
            route.drop();
        }
        if (mode == Mode.LOOK) {
            if (!travelled.lookedAround(pose)) return drive.spin(config.lookRate());
            mode = Mode.EXPLORE;
            route.drop();
        }
        return explore(pose, now);
    }

    private void startLook(Pose2D pose) {
        mode = Mode.LOOK;
        travelled.startLook(pose);
    }

    /** What to drive to, or null while it is not known; an ambiguity among objects becomes the note. */
    private Aim target(Pose2D pose, long now) {
        Aim a = aims.choose(pose, now, exhausted);
        if (aims.ambiguity() != null) note = aims.ambiguity();
        return a;
    }

    private Twist2D approach(Pose2D pose, long now, Aim target) {
        if (route.needsPlan(pose, now)) {
            GridPlanner.Sweep p = sweep(pose, config.unknownCost());
            double tx = target.x(), ty = target.y(), outer = target.radius() + target.standoff(), inner = Math.max(target.radius() + 0.25, outer - 0.5);
            var g = p.grid();
            int cell = p.cheapest(k -> {
                double d = Math.hypot(g.centerX(k % g.width()) - tx, g.centerY(k / g.width()) - ty);
                return d >= Math.min(inner, outer - 0.1) && d <= outer;
            });
            if (cell < 0) {
                note = String.format(java.util.Locale.ROOT, "no way to %s at (%.2f, %.2f) yet; exploring", describe(), tx, ty);
                return null;
            }
            setRoute(p, cell, pose, now, false, true);
        }
        return followRoute(pose, now, 0);
    }

    private Twist2D explore(Pose2D pose, long now) {
        if (goingToLoudest) return toLoudest(pose, now);
        if (viewing != null) return faceViewing(pose, now);
        boolean arrived = route.active() && route.toFrontier()
                && Math.hypot(route.goal()[0] - pose.x(), route.goal()[1] - pose.y()) < 0.3;
        if (arrived && goal instanceof Goal.FindObject && farFromLookSpots(pose)) {
            startLook(pose);
            return drive.spin(config.lookRate());
        }
        if (!route.active() || !route.toFrontier() || arrived || route.stale(pose, now)) {
            GridPlanner.Sweep p = sweep(pose, Double.POSITIVE_INFINITY);
            ToneMap.Fit heard = goal instanceof Goal.FindSound ? sound.fit(now) : null;
            FrontierChoice.Scored best = frontiers.best(belief.frontiers(p, config.frontierMinCells()), p.grid().resolution(), pose,
                    route.toFrontier() ? route.goal() : null, heard, blacklist);
            Frontiers.Cluster view = coverage == null ? null : frontiers.bestUnviewed(belief.frontierFinder(), p, coverage, blacklist);
            if (view != null && (best == null || frontiers.viewScore(view, p.grid().resolution()) < best.score())) {
                if (view.cost() < config.viewTurnDistance()) {
                    viewing = view;
                    viewingUntil = now + ExplorerConfig.nanos(config.viewTurnSeconds());
                    blacklist.add(new double[] {view.cx(), view.cy()});
                    route.drop();
                    return faceViewing(pose, now);
                }
                setRoute(p, p.cellAt(view.x(), view.y()), pose, now, true, false);
                return followRoute(pose, now, 0);
            }
            if (best == null && hard > robot.footprintRadius() + config.squeezeMargin()) {
                // Nothing reachable at the usual clearance: the way on may be a gap only a little
                // wider than the robot (a box in a corridor); the safety shield guards the squeeze.
                hard = robot.footprintRadius() + config.squeezeMargin();
                route.drop();
                return drive.halt();
            }
            if (best == null) {
                if (goal instanceof Goal.FindObject && farFromLookSpots(pose)) {
                    startLook(pose);
                    return drive.spin(config.lookRate());
                }
                if (goal instanceof Goal.FindObject && !exhausted) {
                    exhausted = true;
                    note = "explored everything reachable; trying objects of the right colour whose shape was read otherwise";
                    return drive.halt();
                }
                if (goal instanceof Goal.FindSound && sound.loudestAt() != null) return toLoudest(pose, now);
                if (!blacklist.isEmpty() && retries < config.retries()) {
                    // Frontiers given up after a stall (a pushed box, a squeeze the shield held
                    // back) may be reachable now: STOP here is a sure failure, another try is not.
                    retries++;
                    note = "explored everything else; trying again the " + blacklist.size() + " places given up";
                    blacklist.clear();
                    return drive.halt();
                }
                note = "explored everything reachable without finding " + describe();
                return null;
            }
            setRoute(p, p.cellAt(best.x(), best.y()), pose, now, true, false);
        }
        return followRoute(pose, now, 0);
    }

    /** Turn to face the unviewed cluster next to the robot, then hold a moment for a frame. */
    private Twist2D faceViewing(Pose2D pose, long now) {
        double err = Angles.difference(Math.atan2(viewing.cy() - pose.y(), viewing.cx() - pose.x()), pose.yaw());
        if (now >= viewingUntil || Math.abs(err) < Math.toRadians(10) && Math.abs(drive.lastW()) < 0.2) {
            viewing = null;
            route.drop();
            return drive.halt();
        }
        return drive.turn(err);
    }

    /**
     * AudioGoal with nothing left to explore and no trusted fix: drive to where the sound was
     * loudest and STOP there (a point source is loudest nearest to it).
     */
    private Twist2D toLoudest(Pose2D pose, long now) {
        if (!goingToLoudest) {
            goingToLoudest = true;
            note = String.format(java.util.Locale.ROOT, "explored everything; going to where %s was loudest (%.1f dBFS) at (%.2f, %.2f)",
                    describe(), sound.loudest(), sound.loudestAt()[0], sound.loudestAt()[1]);
            route.drop();
        }
        double[] loudestAt = sound.loudestAt();
        if (Math.hypot(loudestAt[0] - pose.x(), loudestAt[1] - pose.y()) < 0.25) {
            note = "stopping where " + describe() + " was loudest";
            return null;
        }
        if (route.needsPlan(pose, now)) {
            GridPlanner.Sweep p = sweep(pose, config.unknownCost());
            var g = p.grid();
            double lx = loudestAt[0], ly = loudestAt[1];
            int cell = p.cheapest(k -> Math.hypot(g.centerX(k % g.width()) - lx, g.centerY(k / g.width()) - ly) <= 0.2);
            if (cell < 0) {
                note = "stopping: no way back to where " + describe() + " was loudest";
                return null;
            }
            setRoute(p, cell, pose, now, false, true);
        }
        return followRoute(pose, now, 0);
    }

    private String describe() {
        return goal.describe();
    }

    private boolean farFromLookSpots(Pose2D pose) {
        return travelled.farFromLookSpots(pose, config.lookSpacing());
    }

    /**
     * Costs from the robot to every cell of the planning window (the box of the poses passed,
     * widened by the lidar's reach, cropped to the observed cells and a 2-cell rim), by the
     * explorer's rules: clearance {@code hard}, dearer below {@code preferred}.
     */
    private GridPlanner.Sweep sweep(Pose2D pose, double unknownCost) {
        int[] w = travelled.window(belief.grid(), robot.lidar().rangeMax() + 0.5);
        return planner.sweepCells(pose.x(), pose.y(), w[0], w[1], w[2], w[3],
                GridPlanner.Rules.keepClear(hard, preferred, ExplorerConfig.CLEARANCE_PENALTY, unknownCost));
    }

    private void setRoute(GridPlanner.Sweep p, int cell, Pose2D pose, long now, boolean frontier, boolean allowUnknown) {
        route.set(Polyline.of(p.pathTo(cell, pose.x(), pose.y(), allowUnknown)), now, frontier);
    }

    private Twist2D followRoute(Pose2D pose, long now, double restAt) {
        Route.Step step = route.follow(pose, now, restAt);
        if (step instanceof Route.Steer steer) return steer.twist();
        // Stuck: give the goal up if it was a frontier, back off a little, then plan afresh.
        Route.Stall stall = (Route.Stall) step;
        if (stall.toFrontier()) blacklist.add(stall.goal());
        mode = Mode.RECOVER;
        recoverUntil = now + ExplorerConfig.nanos(config.recoverSeconds());
        return drive.straight(-config.recoverSpeed());
    }
}
