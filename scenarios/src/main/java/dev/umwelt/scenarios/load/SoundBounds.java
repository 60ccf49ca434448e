package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.Bound;

import java.util.List;

/** Ranges of a scenario's {@code sounds:} section ({@code AcousticSettings}, {@code SoundEmitter}). */
public final class SoundBounds {
    private SoundBounds() {}

    static final String LEVEL_WHY = "below hearing to a jet engine at 1 m";
    static final Bound WALL_ATTENUATION = Bound.of("sounds.wallAttenuation", 0, 200, "dB", "per wall crossed");
    static final Bound NOISE_LEVEL = Bound.of("sounds.noiseLevel", -20, 160, "dB SPL", LEVEL_WHY);
    static final Bound SNR = Bound.of("sounds.snr", -60, 120, "dB", "noise 1000x louder to inaudible");
    static final Bound SAMPLE_RATE = Bound.whole("sounds.sampleRate", 8_000, 192_000, "Hz",
            "telephone to studio audio; a chunk is rate x chunk samples per microphone");
    static final Bound CHUNK = Bound.of("sounds.chunk", 0.01, 1, "s", "10 ms to 1 s of audio per AudioChunk");
    static final Bound POSITION = WorldBounds.coordinate("sounds.emitters[].position[]");
    static final Bound HEIGHT = Bound.of("sounds.emitters[].height", 0, 100, "m", "above the floor");
    static final Bound FREQUENCY = Bound.of("sounds.emitters[].frequency", 1, 20_000, "Hz", "the audible range");
    static final Bound LEVEL = Bound.of("sounds.emitters[].level", -20, 160, "dB SPL", LEVEL_WHY);
    static final Bound DUTY_CYCLE = Bound.of("sounds.emitters[].dutyCycle", 0.001, 1, "", "fraction of the period the beep is on");
    static final Bound PERIOD = Bound.of("sounds.emitters[].period", 0.001, 3600, "s", "1 ms to an hourly chime");
    /** Every emitter is summed into every sample of every microphone. */
    static final int MAX_EMITTERS = 64;
    /** A clip WAV is read whole: 32 MiB is 17 minutes of 16 kHz mono PCM16. */
    static final long MAX_CLIP_BYTES = 32L << 20;

    public static final List<Bound> ALL = List.of(WALL_ATTENUATION, NOISE_LEVEL, SNR, SAMPLE_RATE, CHUNK, POSITION, HEIGHT,
            FREQUENCY, LEVEL, DUTY_CYCLE, PERIOD);
}
