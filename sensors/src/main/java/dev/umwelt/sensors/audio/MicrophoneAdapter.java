package dev.umwelt.sensors.audio;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.time.Clock;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import java.util.List;
import java.util.Objects;

/**
 * A real microphone through javax.sound.sampled: 16 kHz mono signed 16-bit little-endian PCM from
 * the default TargetDataLine, delivered as AudioChunks of {@code chunkFrames} samples on channel
 * {@code frame}. A chunk is stamped at its first sample: the clock's time when the read returns
 * minus the chunk's duration (the line's own buffering latency is not known, so not subtracted).
 */
public final class MicrophoneAdapter implements AutoCloseable {
    public static final int SAMPLE_RATE = 16_000;
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private final TargetDataLine line;
    private final Clock clock;
    private final int chunkFrames;
    private final String frame;
    private final byte[] buffer;

    private MicrophoneAdapter(TargetDataLine line, Clock clock, int chunkFrames, String frame) {
        this.line = line;
        this.clock = clock;
        this.chunkFrames = chunkFrames;
        this.frame = frame;
        this.buffer = new byte[chunkFrames * 2];
    }

    /** Opens and starts the default capture line; {@link NoCaptureDeviceException} if there is none. */
    public static MicrophoneAdapter open(Clock clock, int chunkFrames, String frame) {
        Objects.requireNonNull(clock, "clock");
        if (chunkFrames <= 0) throw new IllegalArgumentException("chunkFrames must be positive");
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, FORMAT);
        if (!AudioSystem.isLineSupported(info)) {
            throw new NoCaptureDeviceException("no line supports " + FORMAT + " (mixers: " + mixers() + ")", null);
        }
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
            line.open(FORMAT, Math.max(chunkFrames * 4, 4096));
            line.start();
            return new MicrophoneAdapter(line, clock, chunkFrames, frame);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new NoCaptureDeviceException("cannot open a " + FORMAT + " line: " + e.getMessage(), e);
        }
    }

    private static String mixers() {
        Mixer.Info[] all = AudioSystem.getMixerInfo();
        if (all.length == 0) return "none installed";
        StringBuilder b = new StringBuilder();
        for (Mixer.Info m : all) b.append(b.length() == 0 ? "" : ", ").append(m.getName());
        return b.toString();
    }

    /** Blocks until one chunk has been captured. */
    public AudioChunk read() {
        int got = 0;
        while (got < buffer.length) {
            int r = line.read(buffer, got, buffer.length - got);
            if (r <= 0 && !line.isOpen()) throw new IllegalStateException("capture line closed");
            got += Math.max(r, 0);
        }
        long end = clock.nowNanos();
        short[] samples = new short[chunkFrames];
        for (int i = 0; i < chunkFrames; i++) samples[i] = (short) ((buffer[2 * i] & 0xff) | (buffer[2 * i + 1] << 8));
        long duration = chunkFrames * 1_000_000_000L / SAMPLE_RATE;
        return new AudioChunk(new Header(end - duration, frame), SAMPLE_RATE, List.of(frame), samples);
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
