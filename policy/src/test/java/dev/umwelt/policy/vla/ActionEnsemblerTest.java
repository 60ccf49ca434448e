package dev.umwelt.policy.vla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ActionEnsemblerTest {
    static final long MS = 1_000_000L;

    static double[][] steps(double... a) {
        double[][] v = new double[a.length][];
        for (int i = 0; i < a.length; i++) v[i] = new double[] {a[i], -a[i]};
        return v;
    }

    @Test
    void overlappingChunksAreWeightedExpMinusMTimesAgeFromTheOldest() {
        ActionEnsembler e = new ActionEnsembler(3, 100 * MS, 0.5);
        e.add(0, steps(1, 2, 3), new double[] {0, 0, 0});
        // Alone: step 1 of the only chunk.
        assertArrayEquals(new double[] {2, -2}, e.at(150 * MS).orElseThrow().value(), 1e-12);
        e.add(100 * MS, steps(10, 20, 30), new double[] {0, 0, 0});
        // t = 150 ms: the first chunk's step 1 (2, weight 1) and the second's step 0 (10, weight e^-0.5).
        double w1 = Math.exp(-0.5);
        var s = e.at(150 * MS).orElseThrow();
        assertEquals(2, s.chunks());
        assertEquals((2 + 10 * w1) / (1 + w1), s.value()[0], 1e-12); // 5.0203...
        assertEquals(5.0203, s.value()[0], 1e-4);
        assertEquals(-(2 + 10 * w1) / (1 + w1), s.value()[1], 1e-12);
        e.add(200 * MS, steps(100, 200, 300), new double[] {0, 0, 0});
        // t = 250 ms: 3 (w 1), 20 (w e^-0.5), 100 (w e^-1).
        double w2 = Math.exp(-1.0);
        s = e.at(250 * MS).orElseThrow();
        assertEquals(3, s.chunks());
        assertEquals((3 + 20 * w1 + 100 * w2) / (1 + w1 + w2), s.value()[0], 1e-12);
        // t = 300 ms: the first chunk has run out (it covered 0..300 ms).
        s = e.at(300 * MS).orElseThrow();
        assertEquals(2, s.chunks());
        assertEquals((30 + 200 * w1) / (1 + w1), s.value()[0], 1e-12);
        assertTrue(e.at(500 * MS).isEmpty(), "nothing covers 500 ms");
        assertTrue(e.at(-1).isEmpty(), "nor a time before the first chunk");
    }

    @Test
    void decayZeroAveragesAndNegativeDecayTrustsTheNewest() {
        ActionEnsembler avg = new ActionEnsembler(2, 100 * MS, 0);
        avg.add(0, steps(0, 4), new double[] {0, 0});
        avg.add(100 * MS, steps(8, 0), new double[] {0, 0});
        assertEquals(6, avg.at(100 * MS).orElseThrow().value()[0], 1e-12);
        ActionEnsembler fresh = new ActionEnsembler(2, 100 * MS, -20);
        fresh.add(0, steps(0, 4), new double[] {0, 0});
        fresh.add(100 * MS, steps(8, 0), new double[] {0, 0});
        assertEquals(8, fresh.at(100 * MS).orElseThrow().value()[0], 1e-6);
    }

    @Test
    void stopWhenTheEnsembledStopProbabilityOfTheCurrentStepExceedsOneHalf() {
        ActionEnsembler e = new ActionEnsembler(2, 100 * MS, 0);
        e.add(0, steps(1, 1), new double[] {0.2, 0.4});
        assertFalse(e.at(50 * MS).orElseThrow().stop());
        // One confident newer chunk against an older doubtful one: (0.4 + 0.9) / 2 = 0.65 > 0.5.
        e.add(100 * MS, steps(1, 1), new double[] {0.9, 0.9});
        var s = e.at(150 * MS).orElseThrow();
        assertEquals(0.65, s.stopProbability(), 1e-12);
        assertTrue(s.stop());
        // Exactly 0.5 is not a STOP.
        ActionEnsembler half = new ActionEnsembler(2, 100 * MS, 0);
        half.add(0, steps(1, 1), new double[] {0.2, 0.2});
        half.add(100 * MS, steps(1, 1), new double[] {0.8, 0.8});
        assertEquals(0.5, half.at(100 * MS).orElseThrow().stopProbability(), 1e-12);
        assertFalse(half.at(100 * MS).orElseThrow().stop());
    }

    @Test
    void expiredChunksAreForgottenAndOrderIsEnforced() {
        ActionEnsembler e = new ActionEnsembler(2, 100 * MS, 0.1);
        e.add(0, steps(1, 1), new double[] {0, 0});
        e.add(100 * MS, steps(1, 1), new double[] {0, 0});
        assertEquals(2, e.size());
        e.add(250 * MS, steps(1, 1), new double[] {0, 0});
        assertEquals(2, e.size(), "the chunk of 0 ms ended at 200 ms");
        assertThrows(IllegalArgumentException.class, () -> e.add(200 * MS, steps(1, 1), new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> e.add(300 * MS, steps(1), new double[] {0}));
    }
}
