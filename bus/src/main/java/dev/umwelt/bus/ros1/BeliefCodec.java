package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.belief.Belief;

import java.util.ArrayList;
import java.util.List;

/** Belief <-> umwelt_msgs/Belief (objects and sounds as nested umwelt_msgs/BeliefObject, BeliefSound). Lossless. */
public final class BeliefCodec extends AbstractCodec<Belief> {
    public static final String TYPE = "umwelt_msgs/Belief";
    /** Smallest encoded BeliefObject (two empty strings) and BeliefSound. */
    private static final int OBJECT_MIN_BYTES = 4 + 4 + 4 + 32 + 4 + 8, SOUND_BYTES = 32 + 8 + 4;

    public BeliefCodec() {
        super(TYPE);
    }

    @Override
    void write(Belief b, Ros1Buffer out) {
        out.header(b.header().stampNanos(), b.header().frameId());
        out.f64(b.pose().x()).f64(b.pose().y()).f64(b.pose().yaw());
        out.f64(b.mapToOdom().x()).f64(b.mapToOdom().y()).f64(b.mapToOdom().yaw());
        out.f64(b.matchScore());
        out.u32(b.objects().size());
        for (Belief.ObjectBelief o : b.objects()) {
            out.i32(o.id()).string(o.colour()).string(o.shape());
            out.f64(o.x()).f64(o.y()).f64(o.radius()).f64(o.confidence()).u32(o.sightings()).time(o.lastSeenNanos());
        }
        out.u32(b.sounds().size());
        for (Belief.SoundBelief s : b.sounds()) {
            out.f64(s.x()).f64(s.y()).f64(s.uncertainty()).f64(s.levelDb()).time(s.lastHeardNanos()).u32(s.bearings());
        }
        out.u32(b.frontierCount());
        out.f64(b.exploredAreaM2());
    }

    @Override
    Belief read(Ros1Reader in) {
        var header = in.header();
        Pose2D pose = new Pose2D(in.f64(), in.f64(), in.f64());
        Pose2D mapToOdom = new Pose2D(in.f64(), in.f64(), in.f64());
        double score = in.f64();
        int n = in.count("objects", OBJECT_MIN_BYTES);
        List<Belief.ObjectBelief> objects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = in.i32();
            String colour = in.string("objects[" + i + "].colour"), shape = in.string("objects[" + i + "].shape");
            double x = in.f64(), y = in.f64(), r = in.f64(), c = in.f64();
            int sightings = intOf(in, in.u32(), "sightings");
            objects.add(new Belief.ObjectBelief(id, colour, shape, x, y, r, c, sightings, in.time()));
        }
        int m = in.count("sounds", SOUND_BYTES);
        List<Belief.SoundBelief> sounds = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            double x = in.f64(), y = in.f64(), u = in.f64(), db = in.f64();
            long heard = in.time();
            sounds.add(new Belief.SoundBelief(x, y, u, db, heard, intOf(in, in.u32(), "bearings")));
        }
        int frontiers = intOf(in, in.u32(), "frontier_count");
        return new Belief(header, pose, mapToOdom, score, objects, sounds, frontiers, in.f64());
    }

    private static int intOf(Ros1Reader in, long v, String field) {
        if (v > Integer.MAX_VALUE) throw in.error(field + " " + v + " exceeds int range");
        return (int) v;
    }
}
