package dev.umwelt.sensors.sync;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Keeps the benchmark runnable; its figures are printed by its main, not asserted here. */
class SyncBenchmarkTest {
    @Test
    void runsAndEmitsAboutOneSetPerSlowestPeriod() {
        var sync = SyncBenchmark.synchronizer(20, 0, 1);
        // 10 Hz is the slowest stream: about one set per 100 ms.
        assertTrue(sync.operations() >= 190 && sync.operations() <= 200, sync.toString());
        assertTrue(sync.nsPerOp() > 0);
        var obs = SyncBenchmark.observationBuilder(20, 0, 1);
        assertEquals(1000, obs.operations());
    }
}
