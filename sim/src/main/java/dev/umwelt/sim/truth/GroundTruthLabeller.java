package dev.umwelt.sim.truth;

import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.GroundTruthLabels;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.robot.LidarSpec;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.sim.lidar.StaticGeometry;
import dev.umwelt.sim.lidar.StaticRayCaster;

import java.util.List;

/**
 * Privileged labels for training data, from the true pose: which object each lidar beam and each
 * camera column meets first, and where the task's target is (distance as success judges it,
 * bearing, whether the camera sees it). Walls go through the lidar's exact static caster; objects
 * are tested one by one at their scenario pose (a pushed movable object is labelled where it
 * started: the simulator keeps its moved pose to itself). Planar: a column's label is what its
 * horizontal ray through the pixel centre meets, whatever the object's height. Reads only the
 * scenario, never the simulator's state, so labelling cannot change a trajectory.
 */
public final class GroundTruthLabeller {
    /** How far a camera column looks (well past any catalog or generated world). */
    static final double CAMERA_RANGE = 100;

    private final Scenario scenario;
    private final StaticRayCaster walls;
    private final List<WorldObject> objects;
    private final List<String> ids;
    /** Object k as a box ({@link StaticGeometry#rayBox} layout) or a circle ({@link StaticGeometry#rayCircle} layout). */
    private final double[][] shapes;
    private final boolean[] round;
    private final double[] radius;
    private final LidarSpec lidar;
    private final double[] beamCos, beamSin, beamDx, beamDy, beamWall;
    private final CameraSpec camera; // null: no camera
    private final double[] columnAngle;
    private final String targetId;
    private final WorldObject targetSurface; // null for PointNav
    private final short targetLabel;         // 0 when the target is no world object
    private final Vec2 targetCentre;

    private GroundTruthLabeller(Scenario s) {
        scenario = s;
        WorldMap world = s.world();
        walls = StaticRayCaster.of(StaticGeometry.of(new WorldMap(world.walls(), List.of(), List.of(), List.of())));
        objects = world.objects();
        ids = objects.stream().map(WorldObject::id).toList();
        int n = objects.size();
        shapes = new double[n][];
        round = new boolean[n];
        radius = new double[n];
        for (int k = 0; k < n; k++) {
            WorldObject o = objects.get(k);
            round[k] = o.shape().isRound();
            radius[k] = o.boundingRadius();
            double yaw = o.pose().yaw();
            shapes[k] = round[k] ? new double[] {o.pose().x(), o.pose().y(), o.sizeX() / 2}
                    : new double[] {o.pose().x(), o.pose().y(), Math.cos(yaw), Math.sin(yaw), o.sizeX() / 2, o.sizeY() / 2};
        }
        lidar = s.robot().lidar();
        int beams = lidar.beams();
        beamCos = new double[beams];
        beamSin = new double[beams];
        beamDx = new double[beams];
        beamDy = new double[beams];
        beamWall = new double[beams];
        for (int i = 0; i < beams; i++) {
            double a = lidar.angleMin() + i * lidar.angleIncrement();
            beamCos[i] = Math.cos(a);
            beamSin[i] = Math.sin(a);
        }
        camera = s.robot().cameraSpec().orElse(null);
        columnAngle = new double[camera == null ? 0 : camera.width()];
        if (camera != null) {
            // A pinhole with the renderer's horizontal field of view: column u's pixel centre.
            double half = Math.tan(camera.horizontalFov() / 2);
            for (int u = 0; u < columnAngle.length; u++) {
                columnAngle[u] = Math.atan((1 - 2 * (u + 0.5) / camera.width()) * half);
            }
        }
        if (s.task() instanceof ObjectGoal g) {
            targetId = g.targetId();
            targetSurface = g.target(world);
            targetCentre = targetSurface.position();
        } else if (s.task() instanceof AudioGoal g) {
            targetId = g.objectId() != null ? g.objectId() : g.emitterId();
            targetSurface = g.surface(world);
            targetCentre = targetSurface.position();
        } else {
            targetId = "";
            targetSurface = null;
            targetCentre = ((PointGoal) s.task()).goal();
        }
        targetLabel = (short) (ids.indexOf(targetId) + 1);
    }

    public static GroundTruthLabeller of(Scenario scenario) {
        return new GroundTruthLabeller(scenario);
    }

    /** The labels at the tick stamped {@code stampNanos}, the robot's base_link being at {@code truth} in map. */
    public GroundTruthLabels at(long stampNanos, Pose2D truth) {
        short[] beams = beamLabels(truth);
        short[] columns = new short[columnAngle.length];
        Pose2D cam = camera == null ? null : truth.compose(new Pose2D(camera.x(), camera.y(), 0));
        for (int u = 0; u < columns.length; u++) {
            double a = cam.yaw() + columnAngle[u];
            columns[u] = label(cam.x(), cam.y(), Math.cos(a), Math.sin(a), walls.cast(cam.x(), cam.y(), Math.cos(a),
                    Math.sin(a), CAMERA_RANGE), CAMERA_RANGE);
        }
        Vec2 here = new Vec2(truth.x(), truth.y());
        double distance = scenario.task().distanceToGoal(scenario.world(), here);
        double bearing = Angles.normalize(Math.atan2(targetCentre.y() - truth.y(), targetCentre.x() - truth.x()) - truth.yaw());
        return new GroundTruthLabels(new Header(stampNanos, Frames.BASE_LINK), targetId, targetCentre.x(), targetCentre.y(),
                distance, bearing, cam != null && visible(cam), ids, beams, columns);
    }

    private short[] beamLabels(Pose2D truth) {
        Pose2D laser = truth.compose(lidar.mount());
        double c = Math.cos(laser.yaw()), s = Math.sin(laser.yaw());
        for (int i = 0; i < beamCos.length; i++) {
            beamDx[i] = c * beamCos[i] - s * beamSin[i];
            beamDy[i] = s * beamCos[i] + c * beamSin[i];
        }
        walls.castFan(laser.x(), laser.y(), laser.yaw() + lidar.angleMin(), lidar.angleIncrement(), beamDx, beamDy,
                lidar.rangeMax(), beamWall);
        short[] out = new short[beamCos.length];
        for (int i = 0; i < out.length; i++) out[i] = label(laser.x(), laser.y(), beamDx[i], beamDy[i], beamWall[i], lidar.rangeMax());
        return out;
    }

    /** What the unit ray meets first within {@code range}, the nearest wall being {@code wall} metres away (+Inf: none). */
    private short label(double ox, double oy, double dx, double dy, double wall, double range) {
        double best = wall;
        short label = wall <= range ? GroundTruthLabels.WALL : GroundTruthLabels.NOTHING;
        for (int k = 0; k < shapes.length; k++) {
            double t = hit(k, ox, oy, dx, dy, Math.min(best, range));
            if (t < best && t <= range) {
                best = t;
                label = (short) (k + 1);
            }
        }
        return label;
    }

    /** Distance to object k along the ray, or +Inf; objects whose bounding circle the ray misses before {@code limit} are skipped cheaply. */
    private double hit(int k, double ox, double oy, double dx, double dy, double limit) {
        double[] g = shapes[k];
        double px = g[0] - ox, py = g[1] - oy, r = radius[k];
        double along = px * dx + py * dy;
        if (along < -r || along - r > limit) return Double.POSITIVE_INFINITY;
        double perp = px * dy - py * dx;
        if (perp * perp > r * r) return Double.POSITIVE_INFINITY;
        return round[k] ? StaticGeometry.rayCircle(g, 0, ox, oy, dx, dy) : StaticGeometry.rayBox(g, 0, ox, oy, dx, dy);
    }

    /** The target's centre within the camera's horizontal field of view, nothing else in the way. */
    private boolean visible(Pose2D cam) {
        double tx = targetCentre.x() - cam.x(), ty = targetCentre.y() - cam.y();
        double d = Math.hypot(tx, ty);
        if (d == 0) return true;
        if (Math.abs(Angles.normalize(Math.atan2(ty, tx) - cam.yaw())) > camera.horizontalFov() / 2) return false;
        double dx = tx / d, dy = ty / d;
        double wall = walls.cast(cam.x(), cam.y(), dx, dy, d);
        if (targetLabel > 0) return label(cam.x(), cam.y(), dx, dy, wall, d) == targetLabel;
        // A goal point or a free-standing emitter: nothing may come before its surface.
        double surface = targetSurface == null ? d : Math.max(0, d - targetSurface.sizeX() / 2);
        if (wall < surface) return false;
        for (int k = 0; k < shapes.length; k++) if (hit(k, cam.x(), cam.y(), dx, dy, surface) < surface) return false;
        return true;
    }
}
