package dev.umwelt.bus.ros1;

import dev.umwelt.bus.episode.EpisodeEvent;

/** EpisodeEvent <-> umwelt_msgs/EpisodeEvent, lossless; the kind travels by name. */
public final class EpisodeEventCodec extends AbstractCodec<EpisodeEvent> {
    public static final String TYPE = "umwelt_msgs/EpisodeEvent";

    public EpisodeEventCodec() {
        super(TYPE);
    }

    @Override
    void write(EpisodeEvent e, Ros1Buffer out) {
        out.header(e.header().stampNanos(), e.header().frameId())
                .string(e.kind().name()).string(e.source()).string(e.detail());
    }

    @Override
    EpisodeEvent read(Ros1Reader in) {
        var header = in.header();
        int at = in.offset();
        String kind = in.string("kind");
        EpisodeEvent.Kind k;
        try {
            k = EpisodeEvent.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new Ros1DecodeException(TYPE, at, "unknown event kind '" + kind + "'");
        }
        return new EpisodeEvent(header, k, in.string("source"), in.string("detail"));
    }
}
