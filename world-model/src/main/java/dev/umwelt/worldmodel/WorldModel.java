package dev.umwelt.worldmodel;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.belief.Belief;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.observation.Sense;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.grid.OccupancyGrid;
import dev.umwelt.worldmodel.objects.ObjectMemory;
import dev.umwelt.worldmodel.objects.ObjectQuery;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.pose.PoseEstimator;
import dev.umwelt.worldmodel.pose.ScanMatcher;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.query.Frontiers;
import dev.umwelt.worldmodel.query.GridPlanner;
import dev.umwelt.worldmodel.query.ClearanceField;
import dev.umwelt.worldmodel.query.PlannedPath;
import dev.umwelt.worldmodel.query.StraightPath;
import dev.umwelt.worldmodel.sound.SoundSource;
import dev.umwelt.worldmodel.sound.SoundSourceMap;
import dev.umwelt.worldmodel.sound.ToneLevel;
import dev.umwelt.worldmodel.sound.ToneMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One robot's belief for one episode: pose (odometry corrected by scan matching), occupancy
 * grid, object memory and sound-source map, fed by {@link #update(Observation)} and read by the
 * policy through queries. The {@code map} frame is the scenario's world frame: the estimator's
 * initial {@code map -> odom} is the start pose (odometry starts at its own origin), so point
 * goals and the robot's belief share coordinates. The grid covers {@code config.width() x
 * config.height()} metres centred on the start pose.
 *
 * <p>An observation carries the newest reading of each sense on every tick, so a reading can be
 * seen several times; each is used once (by stamp). Absent senses are skipped. Not thread-safe:
 * one owner (the policy endpoint) updates it and the policy reads it on the same thread.
 */
public final class WorldModel {
    /** Trail points are kept once the pose has moved this far, so long episodes stay small. */
    private static final double TRAIL_STEP = 0.02;
    /**
     * {@link #belief} reuses a frontier list up to this old (sim time), whoever asked for it: the
     * count is for monitoring, and a search on every 2 Hz belief cost ~1/6 of the full loop.
     */
    private static final long BELIEF_FRONTIER_MAX_AGE_NANOS = 5_000_000_000L;

    private final RobotDescription robot;
    private final WorldModelConfig config;
    private final OccupancyGrid grid;
    private final PoseEstimator estimator;
    private final ObjectMemory objects;
    private final SoundSourceMap sounds;
    /** A chunk shorter than this has too few frames for the tone's FFT bin to mean anything. */
    static final int MIN_TONE_FRAMES = 256;
    private final ToneLevel tone = new ToneLevel();
    private final ToneMap tones = new ToneMap(ToneMap.Settings.DEFAULTS);
    private long lastTone = Long.MIN_VALUE;
    private final ClearanceField clearance;
    private final Frontiers frontierFinder;
    private final GridPlanner planner;
    private final List<Pose2D> trail = new ArrayList<>();
    private long lastOdom = Long.MIN_VALUE, lastScan = Long.MIN_VALUE, lastFrame = Long.MIN_VALUE, lastAudio = Long.MIN_VALUE;
    /** False for a robot with fewer than two microphones: its sound map stays empty. */
    private final boolean hearing;
    private LidarScan latestScan;
    private Pose2D lastProcessedPose;
    private long lastProcessedNanos, scansProcessed;
    private List<Frontier> frontiers;
    /** The frontiers last decided on (a policy's, {@link #frontiers(GridPlanner.Sweep, int)}, or the default search's), and when. */
    private List<Frontier> shown;
    private boolean shownByPolicy;
    private long shownNanos = Long.MIN_VALUE;
    private double frontiersX = Double.NaN, frontiersY = Double.NaN;
    /** When (sim time: the newest reading's stamp) the cached frontiers were searched. */
    private long frontiersAtVersion = -1, frontiersNanos;

    public WorldModel(RobotDescription robot, Pose2D startPoseInMap, WorldModelConfig config) {
        this.robot = Objects.requireNonNull(robot, "robot");
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(startPoseInMap, "startPoseInMap");
        this.grid = OccupancyGrid.covering(startPoseInMap.x() - config.width() / 2, startPoseInMap.y() - config.height() / 2,
                startPoseInMap.x() + config.width() / 2, startPoseInMap.y() + config.height() / 2, config.resolution());
        // gated scans are close together (<= 0.2 m, 10 deg of odometry), so a narrower window than the
        // matcher's default (+-0.2 m, +-5 deg) suffices, and every 4th beam: ~1/3 of the default cost
        this.estimator = new PoseEstimator(grid, new ScanMatcher(0.1, Math.toRadians(3), 0.02, 4), robot.lidar().mount(), startPoseInMap,
                config.minMatchScore(), 0, 0, 0.1); // the gate is here (whole scans), so the estimator matches each scan it gets
        this.objects = new ObjectMemory(robot);
        this.hearing = robot.microphones().size() >= 2;
        this.sounds = new SoundSourceMap(hearing ? robot : withPlaceholderEars(robot));
        this.clearance = new ClearanceField(grid);
        this.frontierFinder = new Frontiers(clearance, robot.footprintRadius(), config.minFrontierCells());
        this.planner = new GridPlanner(clearance, GridPlanner.Rules.inflated(robot.footprintRadius(), config.unknownCost()));
        trail.add(startPoseInMap);
    }

    /** Feeds one observation: odometry -> pose, lidar -> grid (+ scan matching), camera -> objects, audio -> sounds. */
    public void update(Observation observation) {
        Sense<Odometry> odom = observation.odometry();
        if (odom.present() && odom.reading().header().stampNanos() != lastOdom) {
            estimator.onOdometry(odom.reading());
            lastOdom = odom.reading().header().stampNanos();
        }
        Sense<LidarScan> lidar = observation.lidar();
        if (lidar.present() && lidar.reading().header().stampNanos() != lastScan) {
            LidarScan scan = lidar.reading();
            lastScan = scan.header().stampNanos();
            latestScan = scan;
            if (scanDue(scan.header().stampNanos())) {
                Pose2D p = estimator.onScan(scan);
                lastProcessedPose = p;
                lastProcessedNanos = scan.header().stampNanos();
                scansProcessed++;
            }
            Pose2D now = estimator.pose(), prev = trail.get(trail.size() - 1);
            if (prev.distanceTo(now) >= TRAIL_STEP) trail.add(now);
        }
        Sense<CameraFrame> camera = observation.camera();
        if (camera.present() && camera.reading().header().stampNanos() != lastFrame) {
            CameraFrame f = camera.reading();
            lastFrame = f.header().stampNanos();
            objects.observe(f, latestScan, estimator.poseAt(lastFrame));
        }
        // One analysis per chunk, both maps fed from it: bearings (a microphone pair) and the tone's level.
        Sense<AudioChunk> audio = observation.audio();
        if (audio.present()) {
            AudioChunk a = audio.reading();
            if (hearing && a.header().stampNanos() != lastAudio) {
                lastAudio = a.header().stampNanos();
                sounds.observe(a, estimator.poseAt(lastAudio));
            }
            // Heard where the robot is now, after this observation's motion: where a policy acting on it stands.
            if (a.stampNanos() > lastTone && a.frames() >= MIN_TONE_FRAMES) {
                lastTone = a.stampNanos();
                tone.measure(a);
                tones.observe(tone.level(), tone.snrDb(), estimator.pose(), lastTone);
            }
        }
    }

    /**
     * SoundSourceMap needs a microphone pair; a robot without one (no audio ever arrives) gets a
     * map built on two placeholder microphones that is never fed, so {@link #sounds()} stays usable and empty.
     */
    private static RobotDescription withPlaceholderEars(RobotDescription r) {
        List<dev.umwelt.bus.robot.MicrophoneSpec> ears = List.of(
                new dev.umwelt.bus.robot.MicrophoneSpec("mic_left", 0, 0.1, 0),
                new dev.umwelt.bus.robot.MicrophoneSpec("mic_right", 0, -0.1, 0));
        return new RobotDescription(r.name(), r.source(), r.footprintRadius(), r.wheelbase(), r.massKg(), r.safetyMargin(),
                r.limits(), r.motionNoise(), r.controlRateHz(), r.commandTimeoutSeconds(), r.lidar(), r.odometry(), r.camera(), ears);
    }

    /** The motion gate: the first scan, then once moved matchDistance, turned matchAngle or scanInterval passed. */
    private boolean scanDue(long stamp) {
        if (lastProcessedPose == null) return true;
        Pose2D predicted = estimator.poseAt(stamp);
        return predicted.distanceTo(lastProcessedPose) >= config.matchDistance()
                || Math.abs(dev.umwelt.bus.Angles.normalize(predicted.yaw() - lastProcessedPose.yaw())) >= config.matchAngle()
                || (stamp - lastProcessedNanos) * 1e-9 >= config.scanInterval();
    }

    /** Scans matched and integrated so far (the rest were skipped by the motion gate). */
    public long scansProcessed() { return scansProcessed; }

    /** Corrected base_link pose in map, now (latest odometry). */
    public Pose2D pose() { return estimator.pose(); }
    public Pose2D mapToOdom() { return estimator.mapToOdom(); }
    public OccupancyGrid grid() { return grid; }
    public ObjectMemory objects() { return objects; }
    public SoundSourceMap sounds() { return sounds; }
    /** The tone's level map and the source fitted to it (AudioGoal): what the explorer and the VLA hear. */
    public ToneMap tones() { return tones; }
    public PoseEstimator estimator() { return estimator; }
    public RobotDescription robot() { return robot; }
    public WorldModelConfig config() { return config; }
    /** Distance from every cell to the nearest occupied one: what the planners and frontier searches pass by. */
    public ClearanceField clearance() { return clearance; }
    /** The newest scan integrated, or null. */
    public LidarScan latestScan() { return latestScan; }
    /** Estimated base poses, one per {@value #TRAIL_STEP} m travelled, from the start pose. */
    public List<Pose2D> trail() { return List.copyOf(trail); }

    /** The remembered object best matching {@code q}, nearest to the robot. */
    public Optional<RememberedObject> nearestObject(ObjectQuery q) {
        Pose2D p = pose();
        return objects.nearest(q, p.x(), p.y());
    }

    /** Whether a straight segment keeps {@code clearance} from occupied cells (and unknown ones if the config says so). */
    public boolean isStraightPathFree(double x0, double y0, double x1, double y1, double clearance) {
        return StraightPath.isFree(grid, x0, y0, x1, y1, clearance, config.unknownBlocksStraightPath());
    }

    public boolean isStraightPathFree(double x0, double y0, double x1, double y1, double clearance, boolean unknownBlocks) {
        return StraightPath.isFree(grid, x0, y0, x1, y1, clearance, unknownBlocks);
    }

    /**
     * Reachable frontiers from the robot's pose by the world model's own search, nearest first (as
     * of when computed). Cached until the grid changes or the robot has moved 0.5 m: reachability
     * does not change with the robot's own moves inside the free space, only the order does.
     */
    public List<Frontier> frontiers() {
        Pose2D p = pose();
        boolean moved = !(Math.hypot(p.x() - frontiersX, p.y() - frontiersY) < 0.5);
        if (frontiers == null || frontiersAtVersion != grid.version() || moved) {
            frontiers = List.copyOf(frontierFinder.find(p.x(), p.y()));
            frontiersAtVersion = grid.version();
            frontiersX = p.x();
            frontiersY = p.y();
            frontiersNanos = Math.max(lastOdom, lastScan);
        }
        return frontiers;
    }

    /**
     * The frontier clusters a policy's planner sweep reached ({@link Frontiers#find(GridPlanner.Sweep, int)}),
     * at least {@code minCells} cells each. They become the frontiers this world model shows (the
     * Belief's count, {@link #snapshot()}'s map), so the pictures show what the policy decided among.
     */
    public List<Frontiers.Cluster> frontiers(GridPlanner.Sweep sweep, int minCells) {
        if (sweep.field() != clearance) throw new IllegalArgumentException("the sweep was not made on this world model's clearance field");
        List<Frontiers.Cluster> found = frontierFinder.find(sweep, minCells);
        List<Frontier> f = new ArrayList<>(found.size());
        for (Frontiers.Cluster c : found) f.add(c.frontier());
        shown = List.copyOf(f);
        shownByPolicy = true;
        shownNanos = Math.max(lastOdom, lastScan);
        return found;
    }

    /** The frontiers last decided on: a policy's latest, else the world model's own search (refreshed). */
    public List<Frontier> shownFrontiers() {
        return shownByPolicy ? shown : showOwn();
    }

    private List<Frontier> showOwn() {
        shown = frontiers();
        shownByPolicy = false;
        shownNanos = frontiersNanos;
        return shown;
    }

    /** A path from the robot to within {@code tolerance} of (x, y), avoiding obstacles grown by the footprint. */
    public Optional<PlannedPath> plan(double x, double y, double tolerance) {
        Pose2D p = pose();
        return planner.plan(p.x(), p.y(), x, y, tolerance);
    }

    public GridPlanner planner() { return planner; }

    /** The frontier finder (its {@link Frontiers#clusters} groups other reached cells too). */
    public Frontiers frontierFinder() { return frontierFinder; }

    /** Floor seen free so far, m^2. */
    public double exploredArea() {
        return grid.freeCells() * grid.resolution() * grid.resolution();
    }

    /** The sources heard: the bearing map's strongest, then the tone map's latest fit (what the policies use). */
    public List<SoundSource> heardSources() {
        List<SoundSource> out = new ArrayList<>(2);
        sounds.strongest().ifPresent(out::add);
        tones.latestSource().ifPresent(out::add);
        return out;
    }

    /** A compact copy of the grid, trail, objects, sounds and frontiers (for pictures). */
    public MapSnapshot snapshot() {
        byte[] cells = new byte[grid.width() * grid.height()];
        for (int iy = 0; iy < grid.height(); iy++)
            for (int ix = 0; ix < grid.width(); ix++) {
                cells[iy * grid.width() + ix] = grid.isOccupied(ix, iy) ? MapSnapshot.OCCUPIED
                        : grid.isFree(ix, iy) ? MapSnapshot.FREE : MapSnapshot.UNKNOWN;
            }
        return new MapSnapshot(grid.originX(), grid.originY(), grid.resolution(), grid.width(), grid.height(), cells,
                trail, objects.objects(), heardSources(), shownFrontiers());
    }

    /** A snapshot for the bus (frame {@code map}); its frontier count may be up to 5 s (sim time) old. */
    public Belief belief(long stampNanos) {
        ScanMatcher.Match m = estimator.lastMatch();
        List<Belief.ObjectBelief> objs = new ArrayList<>();
        for (RememberedObject o : objects.objects()) {
            objs.add(new Belief.ObjectBelief(o.id(), o.colour(), o.shape() == null ? "" : o.shape().name(), o.x(), o.y(),
                    o.radius(), o.confidence(), o.sightings(), o.lastSeenNanos()));
        }
        List<Belief.SoundBelief> snd = new ArrayList<>();
        for (SoundSource v : heardSources()) {
            snd.add(new Belief.SoundBelief(v.x(), v.y(), v.uncertainty(), v.levelDb(), v.lastHeardNanos(), v.bearings()));
        }
        // the frontier search (~1 ms) is the belief's one real cost: a count up to 5 s old will do,
        // whoever searched (a policy's frontiers count as much as the world model's own)
        if (shown == null || shownNanos == Long.MIN_VALUE || stampNanos < shownNanos
                || stampNanos - shownNanos >= BELIEF_FRONTIER_MAX_AGE_NANOS) {
            showOwn();
        }
        return new Belief(new Header(stampNanos, dev.umwelt.bus.Frames.MAP), pose(), mapToOdom(), m == null ? Double.NaN : m.score(),
                objs, snd, shown.size(), exploredArea());
    }
}
