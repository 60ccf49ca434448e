package dev.umwelt.sim.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioBenchmarkTest {
    @Test
    void audioIsFarFasterThanRealTime() {
        AudioBenchmark.Result r = AudioBenchmark.run(20);
        System.out.println(r.describe());
        assertTrue(r.simMsPerAudioSecond() < 200 && r.featuresMsPerAudioSecond() < 200, r.describe());
    }
}
