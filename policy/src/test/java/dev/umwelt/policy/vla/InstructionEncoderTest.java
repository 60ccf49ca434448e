package dev.umwelt.policy.vla;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** all-MiniLM-L6-v2 through the langchain4j resources, DJL's tokenizer and ONNX Runtime, for real. */
class InstructionEncoderTest {
    static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += a[i] * b[i];
        return d;
    }

    @Test
    void anEmbeddingHas384UnitLengthValuesTheSameEveryTimeAndIsEncodedOnce() {
        InstructionEncoder enc = InstructionEncoder.shared();
        String text = "would you mind heading to the blue cone (" + System.nanoTime() + ")";
        long before = enc.encodedCount();
        float[] v = enc.encode(text);
        assertEquals(InstructionEncoder.DIMENSION, v.length);
        assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-5);
        assertSame(v, enc.encode(text), "a cache hit returns the first call's array");
        assertEquals(before + 1, enc.encodedCount(), "the network ran once for two asks");
        assertArrayEquals(v, enc.runUncached(text), "the network gives the same bits for the same text");
        assertFalse(java.util.Arrays.equals(v, enc.encode("go to the red box")), "another text, another embedding");
    }

    @Test
    void meanPoolingAveragesOnlyMaskedTokensThenNormalises() {
        float[] v = InstructionEncoder.meanPooled(new float[][] {{1, 2}, {3, 4}, {100, -100}}, new long[] {1, 1, 0});
        // mean (2, 3), norm sqrt(13)
        assertEquals(2 / Math.sqrt(13), v[0], 1e-7);
        assertEquals(3 / Math.sqrt(13), v[1], 1e-7);
    }

    /**
     * What holds, measured (PITFALLS): free phrasings find their "the <colour> <shape>" among all
     * 48, yet for whole sentences a change of phrasing moves the embedding more than a change of
     * colour: cos(go to the red box, go to the blue box) = 0.779 > cos(go to the red box, would you
     * mind heading to the red box) = 0.652. (Synonyms are weaker: "the crimson crate" is nearest
     * "purple box"; not asserted.) A policy must ground the words, not compare whole sentences.
     */
    @Test
    void freePhrasingsFindTheirTargetButPhrasingMovesTheEmbeddingMoreThanColour() {
        InstructionEncoder enc = InstructionEncoder.shared();
        String[] colours = {"red", "green", "blue", "yellow", "orange", "purple", "pink", "cyan", "brown", "white", "grey", "black"};
        String[] shapes = {"box", "cylinder", "ball", "cone"};
        List<String> canon = new ArrayList<>();
        List<float[]> ce = new ArrayList<>();
        for (String c : colours) for (String s : shapes) { canon.add(c + " " + s); ce.add(enc.encode("the " + c + " " + s)); }
        String[][] free = {{"would you mind heading to the blue cone", "blue cone"}, {"please take me over to that red box", "red box"},
                {"I need you next to the green cylinder", "green cylinder"}, {"there is a yellow ball somewhere, find it", "yellow ball"}};
        for (String[] f : free) {
            float[] v = enc.encode(f[0]);
            int best = 0;
            for (int i = 1; i < ce.size(); i++) if (dot(v, ce.get(i)) > dot(v, ce.get(best))) best = i;
            assertEquals(f[1], canon.get(best), f[0]);
        }
        float[] red = enc.encode("go to the red box"), blue = enc.encode("go to the blue box"),
                phrased = enc.encode("would you mind heading to the red box");
        assertEquals(0.779, dot(red, blue), 0.01);
        assertEquals(0.652, dot(red, phrased), 0.01);
        assertTrue(dot(red, blue) > dot(red, phrased), "a change of colour moves the sentence less than a change of phrasing");
    }
}
