package dev.umwelt.bus.grid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class IntMinHeapTest {
    @Test
    void popsInKeyOrderAndGrowsPastItsCapacity() {
        IntMinHeap h = new IntMinHeap(4, false);
        Random r = new Random(7);
        List<Double> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double k = r.nextInt(100) * 0.5;
            keys.add(k);
            h.push(i, k);
        }
        assertEquals(1000, h.size());
        keys.sort(null);
        for (int i = 0; i < 1000; i++) {
            assertEquals(keys.get(i), h.minKey(), 0);
            h.pop();
        }
        assertTrue(h.isEmpty());
    }

    @Test
    void tiesPopByNodeWhenAskedWhateverThePushOrder() {
        IntMinHeap h = new IntMinHeap(16, true);
        int[] nodes = {9, 3, 7, 1, 5};
        for (int n : nodes) h.push(n, 2.0);
        h.push(8, 1.0);
        assertEquals(8, h.pop());
        for (int expected : new int[] {1, 3, 5, 7, 9}) assertEquals(expected, h.pop());
        // without the tie-break the heap's own order: the first pushed of equal keys at the root stays first
        IntMinHeap plain = new IntMinHeap(16, false);
        for (int n : nodes) plain.push(n, 2.0);
        assertEquals(9, plain.pop());
    }

    @Test
    void duplicatesAreKeptForLazyDeletion() {
        IntMinHeap h = new IntMinHeap(16, true);
        h.push(4, 5.0);
        h.push(4, 2.0); // improved: the stale 5.0 entry stays
        assertEquals(2, h.size());
        assertEquals(2.0, h.minKey(), 0);
        assertEquals(4, h.pop());
        assertEquals(5.0, h.minKey(), 0);
        assertEquals(4, h.pop());
        h.push(1, 1.0);
        h.clear();
        assertTrue(h.isEmpty());
    }
}
