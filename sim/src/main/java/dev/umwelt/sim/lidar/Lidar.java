package dev.umwelt.sim.lidar;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.LidarSpec;
import org.jbox2d.callbacks.RayCastCallback;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.World;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated planar lidar. Static geometry goes through the exact double-precision
 * {@link StaticRayCaster}; movable bodies through JBox2D's World.raycast, called only for
 * beams that pass a movable body's bounding circle before the static hit. The range is the
 * nearer of the two; then REP-117 and noise: no return within rangeMax is +Inf, a return
 * closer than rangeMin -Inf, a dropout NaN, and finite ranges get N(0, noiseStddev), clamped
 * to [rangeMin, rangeMax].
 */
public final class Lidar {
    private final LidarSpec spec;
    private final StaticRayCaster caster;
    private final double[] beamCos, beamSin; // beam directions in the laser frame
    private final float angleIncrement;
    private final double[] dirX, dirY, staticRange; // per-scan scratch: world-frame beam directions, static hits

    // Per-episode state (set by attach): the world, its movable bodies and the noise stream.
    private World world;
    private List<Body> movables = List.of();
    private double[] movableRadii = new double[0];
    private double[] mx = new double[0], my = new double[0];
    private Body self;
    private SplittableRandom noise;

    // World.raycast scratch: reused, never published.
    private final Vec2 p1 = new Vec2(), p2 = new Vec2();
    private float bestFraction;
    private final RayCastCallback closest = this::report;

    public Lidar(LidarSpec spec, StaticRayCaster caster) {
        this.spec = spec;
        this.caster = caster;
        this.angleIncrement = (float) spec.angleIncrement();
        beamCos = new double[spec.beams()];
        beamSin = new double[spec.beams()];
        dirX = new double[spec.beams()];
        dirY = new double[spec.beams()];
        staticRange = new double[spec.beams()];
        for (int i = 0; i < spec.beams(); i++) {
            double a = spec.angleMin() + i * spec.angleIncrement();
            beamCos[i] = Math.cos(a);
            beamSin[i] = Math.sin(a);
        }
    }

    public LidarSpec spec() {
        return spec;
    }

    /** Binds the lidar to an episode's world; {@code self} (the robot) is never seen. */
    public void attach(World world, Body self, List<Body> movables, double[] radii, SplittableRandom noise) {
        this.world = world;
        this.self = self;
        this.movables = movables;
        this.movableRadii = radii;
        this.mx = new double[movables.size()];
        this.my = new double[movables.size()];
        this.noise = noise;
    }

    /** The scan seen from base_link pose {@code base} (map frame), stamped {@code stampNanos}. */
    public LidarScan scan(Pose2D base, long stampNanos) {
        Pose2D laser = base.compose(spec.mount());
        double ox = laser.x(), oy = laser.y();
        double c = Math.cos(laser.yaw()), s = Math.sin(laser.yaw());
        double rangeMax = spec.rangeMax(), rangeMin = spec.rangeMin();
        double sigma = spec.noiseStddev(), dropout = spec.dropoutProbability();
        int near = nearbyMovables(ox, oy, rangeMax);

        for (int i = 0; i < beamCos.length; i++) {
            dirX[i] = c * beamCos[i] - s * beamSin[i];
            dirY[i] = s * beamCos[i] + c * beamSin[i];
        }
        caster.castFan(ox, oy, laser.yaw() + spec.angleMin(), spec.angleIncrement(), dirX, dirY, rangeMax, staticRange);

        float[] ranges = new float[beamCos.length]; // owned by the scan's consumers from here on
        for (int i = 0; i < ranges.length; i++) {
            double dx = dirX[i], dy = dirY[i];
            double r = staticRange[i];
            if (near > 0) r = Math.min(r, castMovables(ox, oy, dx, dy, Math.min(r, rangeMax)));
            double out;
            if (dropout > 0 && noise.nextDouble() < dropout) {
                out = Double.NaN;
            } else if (r == Double.POSITIVE_INFINITY) {
                out = r;
            } else if (r < rangeMin) {
                out = Double.NEGATIVE_INFINITY;
            } else {
                out = sigma > 0 ? Math.max(rangeMin, Math.min(rangeMax, r + noise.nextGaussian() * sigma)) : r;
            }
            ranges[i] = (float) out;
        }
        return new LidarScan(new Header(stampNanos, Frames.LASER), (float) spec.angleMin(), angleIncrement, 0f,
                (float) (1 / spec.rateHz()), (float) rangeMin, (float) rangeMax, ranges, null);
    }

    /** Caches the positions of movable bodies within range of the laser; returns how many exist. */
    private int nearbyMovables(double ox, double oy, double rangeMax) {
        int n = 0;
        for (int k = 0; k < movables.size(); k++) {
            Vec2 p = movables.get(k).getPosition();
            mx[k] = p.x; my[k] = p.y;
            if (Math.hypot(p.x - ox, p.y - oy) <= rangeMax + movableRadii[k]) n++;
        }
        return n;
    }

    /** JBox2D ray against movable bodies up to {@code limit} metres, or +Inf. */
    private double castMovables(double ox, double oy, double dx, double dy, double limit) {
        boolean candidate = false;
        for (int k = 0; k < mx.length && !candidate; k++) {
            // Ray vs bounding circle, restricted to [0, limit].
            double px = mx[k] - ox, py = my[k] - oy, rad = movableRadii[k];
            double t = px * dx + py * dy;
            double tc = Math.max(0, Math.min(limit, t));
            double qx = px - tc * dx, qy = py - tc * dy;
            candidate = qx * qx + qy * qy <= rad * rad;
        }
        if (!candidate) return Double.POSITIVE_INFINITY;
        p1.set((float) ox, (float) oy);
        p2.set((float) (ox + dx * limit), (float) (oy + dy * limit));
        bestFraction = 1f;
        world.raycast(closest, p1, p2);
        return bestFraction < 1f ? bestFraction * limit : Double.POSITIVE_INFINITY;
    }

    // Keep only closer hits: JBox2D's EdgeShape.raycast tests against 1.0, not the clip
    // fraction, so returning the fraction alone would let farther hits through (PITFALLS).
    private float report(Fixture fixture, Vec2 point, Vec2 normal, float fraction) {
        Body b = fixture.getBody();
        if (b != self && b.getType() == BodyType.DYNAMIC && fraction < bestFraction) {
            bestFraction = fraction;
        }
        return bestFraction;
    }
}
