package dev.umwelt.bus.ros1;

import dev.umwelt.bus.episode.GroundTruthLabels;

/** GroundTruthLabels <-> umwelt_msgs/GroundTruthLabels, lossless. */
public final class GroundTruthLabelsCodec extends AbstractCodec<GroundTruthLabels> {
    public static final String TYPE = "umwelt_msgs/GroundTruthLabels";

    public GroundTruthLabelsCodec() {
        super(TYPE);
    }

    @Override
    void write(GroundTruthLabels g, Ros1Buffer out) {
        out.header(g.header().stampNanos(), g.header().frameId()).string(g.targetId())
                .f64(g.targetX()).f64(g.targetY()).f64(0)
                .f64(g.targetDistance()).f64(g.targetBearing()).bool(g.targetVisible())
                .strings(g.objects()).shorts(g.beamLabels()).shorts(g.columnLabels());
    }

    @Override
    GroundTruthLabels read(Ros1Reader in) {
        var header = in.header();
        String target = in.string("target_id");
        double x = in.f64(), y = in.f64();
        in.skip(8, "target_position.z");
        double distance = in.f64(), bearing = in.f64();
        boolean visible = in.bool();
        return new GroundTruthLabels(header, target, x, y, distance, bearing, visible, in.strings("objects"),
                in.shorts("beam_labels"), in.shorts("column_labels"));
    }
}
