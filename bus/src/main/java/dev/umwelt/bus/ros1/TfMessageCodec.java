package dev.umwelt.bus.ros1;

import java.util.ArrayList;
import java.util.List;

/**
 * TfMessage <-> tf2_msgs/TFMessage: translations with z = 0 and yaw quaternions. Decoding
 * keeps x, y and yaw; z, roll and pitch are dropped (a planar robot has none).
 */
public final class TfMessageCodec extends AbstractCodec<TfMessage> {
    public static final String TYPE = "tf2_msgs/TFMessage";
    /** Smallest TransformStamped: header (seq, stamp, empty frame), empty child, 7 float64. */
    private static final int MIN_TRANSFORM_BYTES = 4 + 8 + 4 + 4 + 56;

    public TfMessageCodec() {
        super(TYPE);
    }

    @Override
    void write(TfMessage m, Ros1Buffer out) {
        List<TfMessage.Transform> ts = m.transforms();
        out.u32(ts.size());
        for (TfMessage.Transform t : ts) {
            out.header(t.header().stampNanos(), t.header().frameId()).string(t.childFrameId());
            Planar.writePose(t.pose(), out);
        }
    }

    @Override
    TfMessage read(Ros1Reader in) {
        int n = in.count("transforms", MIN_TRANSFORM_BYTES);
        List<TfMessage.Transform> ts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var header = in.header();
            String child = in.string("transforms[" + i + "].child_frame_id");
            ts.add(new TfMessage.Transform(header, child, Planar.readPose(in)));
        }
        return new TfMessage(ts);
    }
}
