package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.ScenarioException;

import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.world.SoundEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SoundsLoaderTest {
    private static final Path CATALOG = Path.of("catalog");

    private static String scenarioWith(String sounds) throws IOException {
        return Files.readString(CATALOG.resolve("single-room.yaml")) + "\n" + sounds;
    }

    @Test
    void noSoundsSectionMeansSilence() throws IOException {
        Scenario s = ScenarioLoader.load(CATALOG.resolve("single-room.yaml"));
        assertTrue(s.soundEmitters().isEmpty());
        assertEquals(15, s.acoustics().wallAttenuationDb());
    }

    @Test
    void emittersAndSettingsParseAndClipIsReadRelativeToTheScenario(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("robots"));
        Files.copy(CATALOG.resolve("robots/turtle.yaml"), dir.resolve("robots/turtle.yaml"));
        Files.createDirectories(dir.resolve("sounds"));
        Files.write(dir.resolve("sounds/c.wav"), wav(16000, 1, new short[]{0, 16384, -32768}));
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, scenarioWith("""
                sounds:
                  wallAttenuation: 12
                  snr: 20
                  emitters:
                    - {id: a, kind: beep, position: [1, 2], frequency: 500, level: 72, dutyCycle: 0.25, period: 0.4}
                    - {id: b, kind: tone, position: [0, 1], frequency: 300}
                    - {id: c, kind: clip, position: [0, 0], clip: sounds/c.wav}
                """));
        Scenario s = ScenarioLoader.load(file);
        assertEquals(12, s.acoustics().wallAttenuationDb());
        assertEquals(52, s.acoustics().effectiveNoiseLevelDb(s.soundEmitters()), 1e-9);
        SoundEmitter a = s.soundEmitters().get(0);
        assertEquals(SoundEmitter.Kind.BEEP, a.kind());
        assertEquals(0.25, a.dutyCycle());
        assertEquals(0.4, a.periodSeconds());
        assertArrayEquals(new float[]{0, 0.5f, -1}, s.soundEmitters().get(2).clip());
    }

    @Test
    void aClipOfTheWrongFormatIsAnErrorAtItsLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("robots"));
        Files.copy(CATALOG.resolve("robots/turtle.yaml"), dir.resolve("robots/turtle.yaml"));
        Files.write(dir.resolve("st.wav"), wav(44100, 2, new short[]{1, 2}));
        String text = scenarioWith("sounds:\n  emitters:\n    - id: c\n      kind: clip\n      position: [0, 0]\n      clip: st.wav\n");
        Files.writeString(dir.resolve("s.yaml"), text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.yaml")));
        long line = text.lines().takeWhile(l -> !l.contains("clip: st.wav")).count() + 1;
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("16000 Hz mono 16-bit PCM"), e.getMessage());
        assertTrue(e.getMessage().contains("sounds.emitters[0].clip"), e.getMessage());

        Files.writeString(dir.resolve("m.yaml"), scenarioWith("sounds:\n  emitters:\n    - {id: c, kind: clip, position: [0, 0], clip: missing.wav}\n"));
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("m.yaml")));
        assertTrue(e.getMessage().contains("cannot read clip"), e.getMessage());
    }

    @Test
    void typosAndBadValuesAreErrors() throws IOException {
        Path nominal = CATALOG.resolve("x.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenarioWith(
                "sounds:\n  emitters:\n    - {id: a, kind: beep, position: [1, 2], frequency: 500, dutyCycle: 1.5}\n"), nominal));
        assertTrue(e.getMessage().contains("dutyCycle"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(scenarioWith(
                "sounds:\n  wallAtenuation: 3\n"), nominal));
        assertTrue(e.getMessage().contains("did you mean 'wallAttenuation'"), e.getMessage());
    }

    static byte[] wav(int rate, int channels, short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + 2 * samples.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.putInt(0x61746164).putInt(2 * samples.length);
        for (short s : samples) b.putShort(s);
        return b.array();
    }
}
