package dev.umwelt.bus.ros1;

import dev.umwelt.bus.sensing.AudioChunk;

/** AudioChunk <-> umwelt_msgs/AudioChunk, lossless: interleaved int16 samples, one frame name per channel. */
public final class AudioChunkCodec extends AbstractCodec<AudioChunk> {
    public static final String TYPE = "umwelt_msgs/AudioChunk";

    public AudioChunkCodec() {
        super(TYPE);
    }

    @Override
    void write(AudioChunk a, Ros1Buffer out) {
        out.header(a.header().stampNanos(), a.header().frameId())
                .u32(a.sampleRate()).strings(a.channelFrames()).shorts(a.samples());
    }

    @Override
    AudioChunk read(Ros1Reader in) {
        var header = in.header();
        int at = in.offset();
        long rate = in.u32();
        if (rate == 0 || rate > Integer.MAX_VALUE) throw new Ros1DecodeException(TYPE, at, "sample_rate " + rate + " out of range");
        return new AudioChunk(header, (int) rate, in.strings("channel_frames"), in.shorts("samples"));
    }
}
