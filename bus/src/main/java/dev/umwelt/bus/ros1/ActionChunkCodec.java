package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * ActionChunk <-> umwelt_msgs/ActionChunk. Attribution is written in Modality order (so equal
 * chunks give equal bytes) as parallel key/weight arrays; weights travel as float32, the one
 * lossy part.
 */
public final class ActionChunkCodec extends AbstractCodec<ActionChunk> {
    public static final String TYPE = "umwelt_msgs/ActionChunk";
    private static final int TWIST_BYTES = 48;

    public ActionChunkCodec() {
        super(TYPE);
    }

    @Override
    void write(ActionChunk c, Ros1Buffer out) {
        out.header(c.header().stampNanos(), c.header().frameId()).duration(c.timeStepNanos());
        List<Twist2D> actions = c.actions();
        out.u32(actions.size());
        for (int i = 0; i < actions.size(); i++) writeTwist(actions.get(i), out);
        out.bool(c.stop());
        Map<Modality, Double> attribution = c.attribution();
        out.u32(attribution.size());
        for (Modality m : Modality.values()) if (attribution.containsKey(m)) out.string(m.key());
        out.u32(attribution.size());
        for (Modality m : Modality.values()) {
            Double w = attribution.get(m);
            if (w != null) out.f32(w.floatValue());
        }
    }

    @Override
    ActionChunk read(Ros1Reader in) {
        var header = in.header();
        long step = in.duration();
        int n = in.count("twists", TWIST_BYTES);
        List<Twist2D> actions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) actions.add(readTwist(in));
        boolean stop = in.bool();
        int keysAt = in.offset();
        List<String> keys = in.strings("attribution_modalities");
        int weightsAt = in.offset();
        float[] weights = in.floats("attribution_weights");
        if (weights.length != keys.size()) {
            throw new Ros1DecodeException(TYPE, weightsAt, weights.length + " attribution weights for " + keys.size() + " modalities");
        }
        Map<Modality, Double> attribution = new EnumMap<>(Modality.class);
        for (int i = 0; i < keys.size(); i++) {
            Modality m;
            try {
                m = Modality.fromKey(keys.get(i));
            } catch (IllegalArgumentException e) {
                throw new Ros1DecodeException(TYPE, keysAt, e.getMessage());
            }
            if (attribution.put(m, (double) weights[i]) != null) {
                throw new Ros1DecodeException(TYPE, keysAt, "modality '" + keys.get(i) + "' attributed twice");
            }
        }
        return new ActionChunk(header, step, actions, stop, attribution);
    }
}
