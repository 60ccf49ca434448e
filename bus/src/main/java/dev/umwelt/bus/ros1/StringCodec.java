package dev.umwelt.bus.ros1;

/** A plain String <-> std_msgs/String. */
public final class StringCodec extends AbstractCodec<String> {
    public static final String TYPE = "std_msgs/String";

    public StringCodec() {
        super(TYPE);
    }

    @Override
    void write(String s, Ros1Buffer out) {
        out.string(s);
    }

    @Override
    String read(Ros1Reader in) {
        return in.string("data");
    }
}
