package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.YamlMap;

import dev.umwelt.bus.yaml.YamlNode;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The optional {@code sounds:} section of a scenario (format: scenarios/README.md): emitters and
 * acoustic settings. CLIP emitters read a WAV file relative to the scenario file; any problem
 * with it is a ScenarioException at the {@code clip:} line.
 */
final class SoundsLoader {
    record Loaded(List<SoundEmitter> emitters, AcousticSettings acoustics) {}

    static final double DEFAULT_HEIGHT = 0.3;
    static final double DEFAULT_LEVEL_DB = 70;

    private SoundsLoader() {}

    /** {@code world}: emitters must lie inside it. */
    static Loaded load(YamlMap s, Path scenarioFile, WorldLoader.Loaded world) {
        s.allowOnly("emitters", "wallAttenuation", "noiseLevel", "snr", "sampleRate", "chunk");
        AcousticSettings d = AcousticSettings.DEFAULT;
        double snr = s.optionalDouble(SoundBounds.SNR, Double.NaN);
        AcousticSettings a = new AcousticSettings(
                s.optionalDouble(SoundBounds.WALL_ATTENUATION, d.wallAttenuationDb()),
                s.optionalDouble(SoundBounds.NOISE_LEVEL, d.noiseLevelDb()), snr,
                s.optionalInt(SoundBounds.SAMPLE_RATE, d.sampleRate()),
                s.optionalDouble(SoundBounds.CHUNK, d.chunkSeconds()));
        List<SoundEmitter> emitters = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : s.optionalList("emitters", SoundBounds.MAX_EMITTERS)) {
            SoundEmitter e = emitter(n.asMap(), scenarioFile);
            Placement.requireInside(e.position(), world, n.asMap().require("position"), "emitter '" + e.id() + "'");
            if (!ids.add(e.id())) throw n.asMap().require("id").error("duplicate emitter id '" + e.id() + "'");
            emitters.add(e);
        }
        return new Loaded(emitters, a);
    }

    private static SoundEmitter emitter(YamlMap m, Path scenarioFile) {
        m.allowOnly("id", "kind", "position", "height", "frequency", "level", "dutyCycle", "period", "clip");
        String id = m.requireString("id").trim();
        SoundEmitter.Kind kind = m.requireEnum("kind", SoundEmitter.Kind.class);
        Vec2 pos = WorldLoader.point(m, SoundBounds.POSITION);
        double height = m.optionalDouble(SoundBounds.HEIGHT, DEFAULT_HEIGHT);
        double level = m.optionalDouble(SoundBounds.LEVEL, DEFAULT_LEVEL_DB);
        switch (kind) {
            case TONE:
                m.allowOnly("id", "kind", "position", "height", "frequency", "level");
                return SoundEmitter.tone(id, pos, height, m.requireDouble(SoundBounds.FREQUENCY), level);
            case BEEP:
                m.allowOnly("id", "kind", "position", "height", "frequency", "level", "dutyCycle", "period");
                double duty = m.optionalDouble(SoundBounds.DUTY_CYCLE, 0.5);
                return SoundEmitter.beep(id, pos, height, m.requireDouble(SoundBounds.FREQUENCY), level, duty,
                        m.optionalDouble(SoundBounds.PERIOD, 1.0));
            case CLIP:
                m.allowOnly("id", "kind", "position", "height", "level", "clip");
                YamlNode clipNode = m.require("clip");
                String rel = m.requireString("clip").trim();
                Path base = scenarioFile == null ? null : scenarioFile.toAbsolutePath().getParent();
                Path wav = base == null ? Path.of(rel) : base.resolve(rel);
                return SoundEmitter.clip(id, pos, height, level, readWav(wav, clipNode));
            default:
                throw m.require("kind").error("unsupported emitter kind " + kind);
        }
    }

    /** A 16 kHz mono PCM16 WAV file as floats in [-1, 1). Any other format is an error at {@code at}. */
    static float[] readWav(Path wav, YamlNode at) {
        byte[] bytes;
        try {
            // Read whole: only a regular file of bounded size (not /dev/zero, not a 10 GB recording).
            if (Files.exists(wav) && !Files.isRegularFile(wav)) throw at.error("clip " + wav + " is not a regular file");
            long size = Files.size(wav);
            if (size > SoundBounds.MAX_CLIP_BYTES) {
                throw at.error("clip " + wav + " is " + size + " bytes; at most " + SoundBounds.MAX_CLIP_BYTES + " (32 MiB) are read");
            }
            bytes = Files.readAllBytes(wav);
        } catch (IOException e) {
            throw at.error("cannot read clip " + wav + ": " + e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            throw at.error("clip " + wav + " is not a RIFF/WAVE file");
        }
        int channels = -1, rate = -1, bits = -1, format = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos), size = b.getInt(pos + 4);
            int body = pos + 8;
            if (size < 0 || body + (long) size > bytes.length) size = bytes.length - body; // tolerate a truncated size
            if (id == 0x20746d66) { // "fmt "
                if (size < 16) throw at.error("clip " + wav + ": fmt chunk too short");
                format = b.getShort(body) & 0xffff;
                channels = b.getShort(body + 2);
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || channels != 1 || rate != SoundEmitter.CLIP_SAMPLE_RATE || bits != 16) {
                    throw at.error("clip " + wav + " must be 16000 Hz mono 16-bit PCM; it is format " + format + ", "
                            + channels + " channel(s), " + rate + " Hz, " + bits + " bit");
                }
                int n = size / 2;
                if (n == 0) throw at.error("clip " + wav + " has no samples");
                float[] out = new float[n];
                for (int i = 0; i < n; i++) out[i] = b.getShort(body + 2 * i) / 32768f;
                return out;
            }
            pos = body + size + (size & 1); // chunks are word aligned
        }
        throw at.error("clip " + wav + " has no " + (format < 0 ? "fmt chunk" : "data chunk"));
    }
}
