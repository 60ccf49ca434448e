package dev.umwelt.sim.physics;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldObject;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.pooling.normal.DefaultWorldPool;

import java.util.ArrayList;
import java.util.List;

/**
 * The JBox2D world of one episode, top-down (zero gravity): walls and static objects as
 * fixtures of one static body, movable objects as damped dynamic bodies, the robot as a dynamic disc.
 * Every fixture's user data names what it is ({@code wall:3}, {@code object:<id>}), which
 * collision events report. Built fresh on every reset so no solver or contact-pool state
 * leaks from one episode into the next (determinism).
 */
public final class PhysicsWorld {
    static {
        // The LUT's ~1e-4 rad error would bend headings and lidar rays; the flag is a JVM-wide
        // static, so whoever loads the simulator first must turn it off for everyone.
        Settings.SINCOS_LUT_ENABLED = false;
    }

    /** Floor friction of pushed objects, modelled as velocity damping (1/s). */
    public static final float OBJECT_LINEAR_DAMPING = 3f, OBJECT_ANGULAR_DAMPING = 3f;
    /** Walls thinner than this get this thickness in physics, so a box shape exists. */
    private static final double MIN_PHYSICS_THICKNESS = 0.01;

    public final World world;
    public final Body robot;
    public final Fixture robotFixture;
    /** Dynamic bodies other than the robot (the lidar casts against these through JBox2D). */
    public final List<Body> movables;
    /** Bounding radius of each movable body about its origin, same order as {@link #movables}. */
    public final double[] movableRadii;

    private PhysicsWorld(World world, Body robot, Fixture robotFixture, List<Body> movables, double[] radii) {
        this.world = world;
        this.robot = robot;
        this.robotFixture = robotFixture;
        this.movables = List.copyOf(movables);
        this.movableRadii = radii;
    }

    /** Forces the class initializer (the LUT switch) to run. */
    public static void init() {}

    public static PhysicsWorld build(Scenario scenario) {
        // Default pool sizes (as World(Vec2) uses); the broadphase with the fat-AABB fix.
        World world = new World(new Vec2(0, 0), new DefaultWorldPool(100, 10), new FatAabbTree());
        world.setAllowSleep(true);
        // At <= 2 m/s and 100 Hz a body moves <= 2 cm per step against >= 1 cm walls plus
        // Box2D's skin: no tunnelling, so the time-of-impact pass (~10% of a step) is skipped.
        world.setContinuousPhysics(false);
        // Nothing applies forces (the base sets velocities), so clearing them is wasted work.
        world.setAutoClearForces(false);
        // Every wall and static object is a fixture of ONE static body at the origin, its shape
        // placed in world coordinates. World.solve walks the body list several times per step
        // (island flags, island seeds, fixture sync); 80 static bodies made those walks ~0.7 us
        // of a ~2.3 us bench substep. Contacts stay per fixture, so collision counting and event names are unchanged.
        Body statics = body(world, BodyType.STATIC, 0, 0, 0);
        List<Wall> walls = scenario.world().walls();
        for (int i = 0; i < walls.size(); i++) {
            Wall w = walls.get(i);
            double len = w.length();
            double thick = Math.max(MIN_PHYSICS_THICKNESS, w.thickness());
            double cx = (w.from().x() + w.to().x()) / 2, cy = (w.from().y() + w.to().y()) / 2;
            double angle = Math.atan2(w.to().y() - w.from().y(), w.to().x() - w.from().x());
            PolygonShape box = new PolygonShape();
            box.setAsBox((float) Math.max(len / 2, MIN_PHYSICS_THICKNESS / 2), (float) (thick / 2),
                    new Vec2((float) cx, (float) cy), (float) angle);
            fixture(statics, box, 0, "wall:" + i);
        }
        List<Body> movables = new ArrayList<>();
        List<Double> radii = new ArrayList<>();
        for (WorldObject o : scenario.world().objects()) {
            Pose2D p = o.pose();
            // Movable objects get their own body, placed at the pose; static ones are placed
            // shapes on the shared static body.
            Body b = o.movable() ? body(world, BodyType.DYNAMIC, p.x(), p.y(), p.yaw()) : statics;
            Vec2 at = o.movable() ? new Vec2() : new Vec2((float) p.x(), (float) p.y());
            float yaw = o.movable() ? 0f : (float) p.yaw();
            Shape shape;
            double area;
            if (o.shape().isRound()) {
                CircleShape c = new CircleShape();
                c.m_radius = (float) (o.sizeX() / 2);
                c.m_p.set(at);
                shape = c;
                area = Math.PI * c.m_radius * c.m_radius;
            } else {
                PolygonShape box = new PolygonShape();
                if (o.movable()) box.setAsBox((float) (o.sizeX() / 2), (float) (o.sizeY() / 2));
                else box.setAsBox((float) (o.sizeX() / 2), (float) (o.sizeY() / 2), at, yaw);
                shape = box;
                area = o.sizeX() * o.sizeY();
            }
            fixture(b, shape, o.movable() ? (float) (o.massKg() / area) : 0, "object:" + o.id());
            if (o.movable()) {
                b.setLinearDamping(OBJECT_LINEAR_DAMPING);
                b.setAngularDamping(OBJECT_ANGULAR_DAMPING);
                movables.add(b);
                radii.add(o.boundingRadius());
            }
        }
        RobotDescription r = scenario.robot();
        Pose2D s = scenario.start();
        Body robot = body(world, BodyType.DYNAMIC, s.x(), s.y(), s.yaw());
        robot.setBullet(false);
        robot.setFixedRotation(false);
        robot.setSleepingAllowed(false); // its velocity is set every substep
        CircleShape disc = new CircleShape();
        disc.m_radius = (float) r.footprintRadius();
        float density = (float) (r.massKg() / (Math.PI * r.footprintRadius() * r.footprintRadius()));
        Fixture rf = fixture(robot, disc, density, "robot");
        double[] rr = radii.stream().mapToDouble(Double::doubleValue).toArray();
        return new PhysicsWorld(world, robot, rf, movables, rr);
    }

    private static Body body(World world, BodyType type, double x, double y, double angle) {
        BodyDef def = new BodyDef();
        def.type = type;
        def.position.set((float) x, (float) y);
        def.angle = (float) angle;
        return world.createBody(def);
    }

    private static Fixture fixture(Body body, Shape shape, float density, String name) {
        FixtureDef def = new FixtureDef();
        def.shape = shape;
        def.density = density;
        def.friction = 0.3f;
        def.restitution = 0f;
        Fixture f = body.createFixture(def);
        f.setUserData(name);
        return f;
    }

    /** The robot's base_link pose in map, from the body (float32, widened). */
    public Pose2D robotPose() {
        Vec2 p = robot.getPosition();
        return new Pose2D(p.x, p.y, robot.getAngle());
    }
}
