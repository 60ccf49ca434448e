package dev.umwelt.bus.sensing;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Signed 16-bit PCM, channels interleaved, the header stamp being the time of the first
 * sample. {@code channelFrames} names the microphone frame of each channel (e.g.
 * {@code mic_left}, {@code mic_right}). Samples are shared, never copied, on the local bus.
 */
public record AudioChunk(Header header, int sampleRate, List<String> channelFrames, short[] samples) implements Stamped {
    public AudioChunk {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(samples, "samples");
        channelFrames = List.copyOf(channelFrames);
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        if (channelFrames.isEmpty()) throw new IllegalArgumentException("at least one channel");
        if (samples.length % channelFrames.size() != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not split into "
                    + channelFrames.size() + " channels");
        }
    }

    public int channels() {
        return channelFrames.size();
    }

    public int frames() {
        return samples.length / channelFrames.size();
    }

    public long durationNanos() {
        return frames() * 1_000_000_000L / sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioChunk a && header.equals(a.header) && sampleRate == a.sampleRate
                && channelFrames.equals(a.channelFrames) && Arrays.equals(samples, a.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, sampleRate, channelFrames, Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "AudioChunk[" + header + ", " + sampleRate + " Hz, " + channelFrames + ", frames=" + frames() + "]";
    }
}
