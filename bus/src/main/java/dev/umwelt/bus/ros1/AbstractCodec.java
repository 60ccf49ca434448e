package dev.umwelt.bus.ros1;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The shared part of every codec: type metadata from the embedded definitions, and a decode
 * that insists on consuming exactly the message and turns a record's own validation failure
 * (a NaN pose, a negative sample rate) into a {@link Ros1DecodeException} naming the type.
 */
abstract class AbstractCodec<T> implements Ros1Codec<T> {
    private final MsgSpec spec;

    AbstractCodec(String type) {
        this.spec = MsgDefinitions.embedded().get(type);
    }

    @Override public final String type() { return spec.type(); }
    @Override public final String md5() { return spec.md5(); }
    @Override public final String definition() { return spec.definition(); }

    @Override
    public final void encode(T value, Ros1Buffer out) {
        Objects.requireNonNull(value, "value");
        write(value, out);
    }

    @Override
    public final T decode(ByteBuffer in) {
        Ros1Reader r = new Ros1Reader(spec.type(), in);
        T value;
        try {
            value = read(r);
        } catch (Ros1DecodeException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Ros1DecodeException(spec.type(), r.offset(), "not a valid " + spec.type() + ": " + e.getMessage(), e);
        }
        r.expectEnd();
        return value;
    }

    abstract void write(T value, Ros1Buffer out);

    abstract T read(Ros1Reader in);

    /** geometry_msgs/Twist from a planar twist: linear.x and angular.z, the rest zero. */
    static void writeTwist(dev.umwelt.bus.Twist2D t, Ros1Buffer out) {
        out.f64(t.linear()).f64(0).f64(0).f64(0).f64(0).f64(t.angular());
    }

    /** A planar twist from geometry_msgs/Twist; a planar base ignores the other four components. */
    static dev.umwelt.bus.Twist2D readTwist(Ros1Reader in) {
        double vx = in.f64();
        in.skip(32, "twist linear.y .. angular.y");
        double wz = in.f64();
        return new dev.umwelt.bus.Twist2D(vx, wz);
    }
}
