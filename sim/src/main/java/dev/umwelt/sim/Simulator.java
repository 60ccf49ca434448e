package dev.umwelt.sim;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.bus.time.SimClock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.sim.audio.AcousticSimulator;
import dev.umwelt.sim.camera.SimCamera;
import dev.umwelt.sim.lidar.Lidar;
import dev.umwelt.sim.lidar.StaticGeometry;
import dev.umwelt.sim.lidar.StaticRayCaster;
import dev.umwelt.sim.odometry.WheelOdometry;
import dev.umwelt.sim.physics.ContactMonitor;
import dev.umwelt.sim.physics.DiffDriveBase;
import dev.umwelt.sim.physics.PhysicsWorld;
import dev.umwelt.sim.render.RenderService;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The lockstep simulator: a JBox2D world built from a {@link Scenario}, a differential-drive
 * robot, a lidar and wheel odometry. One {@link #step} is one control period, run as
 * {@code substeps} physics steps; each substep is the pipeline
 * <ol>
 *   <li>base: pick the target twist (command if valid, else zero), ramp, slip, set velocities;</li>
 *   <li>physics: world.step (contact events land in this tick's event list);</li>
 *   <li>clock: advance by the substep;</li>
 *   <li>odometry: integrate the body's actual motion; publish when due;</li>
 *   <li>lidar: cast a scan from the pose at this instant when due;</li>
 *   <li>camera: render a frame from the poses at this instant when due (waits for the render thread);</li>
 *   <li>audio: when the scenario has emitters and the robot microphones, every chunk whose last
 *       sample has passed, from the pose at this instant, stamped at its first sample.</li>
 * </ol>
 * Construction only prepares the static ray-casting grid; {@link #reset} builds the world.
 * The camera renders only when the simulator is given a {@link RenderService}: the default
 * constructor uses the process's shared headless one when the robot has a camera.
 */
public final class Simulator implements Environment {
    public static final int VELOCITY_ITERATIONS = 8, POSITION_ITERATIONS = 3;

    static {
        PhysicsWorld.init(); // turns JBox2D's sin/cos lookup table off, JVM-wide
    }

    private final Scenario scenario;
    private final RobotDescription robot;
    private final Lidar lidar;
    private final SimCamera camera; // null: no camera, or rendering not wanted
    private final AcousticSimulator audio; // null: no emitters or no microphones, so no audio is computed
    private final long controlPeriod, lidarPeriod, odomPeriod, cameraPeriod;
    private final int substeps;
    private final float dt;
    private final SimClock clock = new SimClock();

    private PhysicsWorld physics;
    private DiffDriveBase base;
    private ContactMonitor contacts;
    private WheelOdometry odometry;
    private java.util.SplittableRandom slip;
    private long tick, nextLidar, nextOdom, nextCamera, nextAudio, audioSample;

    /** With a camera when the robot has one, rendered by {@link RenderService#shared()}. */
    public Simulator(Scenario scenario) {
        this(scenario, scenario.robot().cameraSpec().isPresent() ? RenderService.shared() : null);
    }

    /** {@code renderer} null: no camera frames (e.g. a suite whose policy does not look). */
    public Simulator(Scenario scenario, RenderService renderer) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.robot = scenario.robot();
        this.controlPeriod = robot.controlPeriodNanos();
        this.substeps = Math.max(1, (int) Math.round(controlPeriod * scenario.physicsRateHz() / 1e9));
        this.dt = (float) (controlPeriod / 1e9 / substeps);
        this.lidarPeriod = Math.round(1e9 / robot.lidar().rateHz());
        this.odomPeriod = Math.round(1e9 / robot.odometry().rateHz());
        this.lidar = new Lidar(robot.lidar(), StaticRayCaster.of(StaticGeometry.of(scenario.world())));
        this.camera = renderer != null && robot.cameraSpec().isPresent() ? new SimCamera(renderer, scenario) : null;
        this.cameraPeriod = camera != null ? camera.periodNanos() : Long.MAX_VALUE;
        this.audio = scenario.soundEmitters().isEmpty() || robot.microphones().isEmpty() ? null
                : new AcousticSimulator(scenario.soundEmitters(), scenario.acoustics(), robot.microphones(),
                scenario.world().walls());
    }

    /** Whether this simulator produces audio chunks (the scenario has emitters and the robot microphones). */
    public boolean hasAudio() {
        return audio != null;
    }

    /** Whether this simulator produces camera frames. */
    public boolean hasCamera() {
        return camera != null;
    }

    @Override
    public TickReadings reset(long seed) {
        clock.reset();
        tick = 0;
        physics = PhysicsWorld.build(scenario);
        base = new DiffDriveBase(robot);
        contacts = new ContactMonitor(physics.robotFixture);
        physics.world.setContactListener(contacts);
        slip = NoiseStreams.stream(seed, NoiseStreams.WHEEL_SLIP);
        Body body = physics.robot;
        odometry = new WheelOdometry(robot.odometry(), NoiseStreams.stream(seed, NoiseStreams.ODOMETRY),
                body.getPosition().x, body.getPosition().y, body.getAngle());
        lidar.attach(physics.world, body, physics.movables, physics.movableRadii, NoiseStreams.stream(seed, NoiseStreams.LIDAR));

        long now = clock.nowNanos();
        Pose2D pose = physics.robotPose();
        nextLidar = now + lidarPeriod;
        nextOdom = now + odomPeriod;
        List<Stamped> readings = new ArrayList<>(3);
        readings.add(lidar.scan(pose, now));
        readings.add(odometry.reading(now));
        if (camera != null) {
            SplittableRandom cam = NoiseStreams.stream(seed, NoiseStreams.CAMERA);
            camera.reset(cam.nextLong(), cam.nextLong());
            readings.add(camera.capture(pose, movablePoses(), now));
            nextCamera = now + cameraPeriod;
        }
        if (audio != null) {
            audio.reset(NoiseStreams.stream(seed, NoiseStreams.AUDIO));
            audioSample = 0; // sample 0 is at the epoch; the first chunk is complete one chunk later
            nextAudio = audio.stampOf(audio.chunkFrames());
        }
        return new TickReadings(0, now, readings, List.of(), pose);
    }

    @Override
    public TickReadings step(VelocityCommand command) {
        if (physics == null) throw new IllegalStateException("reset(seed) before step()");
        base.command(command);
        List<Stamped> readings = new ArrayList<>(4);
        List<EpisodeEvent> events = new ArrayList<>(0);
        long start = clock.nowNanos();
        Body body = physics.robot;
        boolean audioAdded = false;
        for (int k = 1; k <= substeps; k++) {
            long before = clock.nowNanos();
            long after = start + controlPeriod * k / substeps; // exact period despite rounding

            if (base.update(before, dt)) events.add(commandExpired(before));
            base.drive(body, slip);

            contacts.target(events, after);
            physics.world.step(dt, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
            clock.advance(after - before);

            Vec2 p = body.getPosition();
            odometry.integrate(p.x, p.y, body.getAngle(), dt);
            if (after >= nextOdom) {
                readings.add(odometry.reading(after));
                nextOdom = next(nextOdom, odomPeriod, after);
            }
            if (after >= nextLidar) {
                readings.add(lidar.scan(physics.robotPose(), after));
                nextLidar = next(nextLidar, lidarPeriod, after);
            }
            if (camera != null && after >= nextCamera) {
                readings.add(camera.capture(physics.robotPose(), movablePoses(), after));
                nextCamera = next(nextCamera, cameraPeriod, after);
            }
            // audio is a stream: a chunk is due once its last sample has passed, none is skipped
            while (audio != null && after >= nextAudio) {
                readings.add(audio.chunk(physics.robotPose(), audioSample));
                audioSample += audio.chunkFrames();
                nextAudio = audio.stampOf(audioSample + audio.chunkFrames());
                audioAdded = true;
            }
        }
        contacts.target(null, 0);
        // a chunk is stamped at its first sample, before the readings of its emitting substep
        if (audioAdded) readings.sort(java.util.Comparator.comparingLong(r -> r.header().stampNanos()));
        return new TickReadings(++tick, clock.nowNanos(), readings, events, physics.robotPose());
    }

    private List<Pose2D> movablePoses() {
        List<Body> bodies = physics.movables;
        if (bodies.isEmpty()) return List.of();
        List<Pose2D> poses = new ArrayList<>(bodies.size());
        for (Body b : bodies) poses.add(new Pose2D(b.getPosition().x, b.getPosition().y, b.getAngle()));
        return poses;
    }

    /** The next due time after {@code now}; a sensor faster than physics skips, never backlogs. */
    private static long next(long due, long period, long now) {
        do due += period; while (due <= now);
        return due;
    }

    private EpisodeEvent commandExpired(long at) {
        return new EpisodeEvent(new Header(at, Frames.BASE_LINK), EpisodeEvent.Kind.COMMAND_EXPIRED,
                ContactMonitor.SOURCE, "no valid velocity command: base stopping");
    }

    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    @Override
    public Pose2D groundTruth() {
        if (physics == null) throw new IllegalStateException("reset(seed) first");
        return physics.robotPose();
    }

    @Override
    public int collisions() {
        return contacts == null ? 0 : contacts.collisions();
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    /** The clock's epoch-relative time, for tests and tools. */
    public long elapsedNanos() {
        return clock.nowNanos() - Clock.SIM_EPOCH_NANOS;
    }

    public int substepsPerTick() {
        return substeps;
    }

    @Override
    public void close() {
        physics = null; // JBox2D holds no native resources; the camera's scene lives on the render thread
        if (camera != null) camera.close();
    }
}
