package dev.umwelt.scenarios.geodesic;

import java.util.Arrays;

/** A binary min-heap of cell indices keyed by double priorities, with decrease-key. Not thread-safe. */
final class IntMinHeap {
    private int[] heap = new int[256];
    private final int[] position; // index in heap, -1 when absent
    private final double[] key;
    private int size;

    IntMinHeap(int capacity) {
        position = new int[capacity];
        Arrays.fill(position, -1);
        key = new double[capacity];
    }

    boolean isEmpty() { return size == 0; }

    boolean contains(int node) { return position[node] >= 0; }

    /** Inserts the node or moves it to a new key (up or down). */
    void put(int node, double k) {
        int p = position[node];
        if (p < 0) {
            if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
            heap[size] = node;
            position[node] = size;
            key[node] = k;
            up(size++);
        } else {
            double old = key[node];
            key[node] = k;
            if (k < old) up(p); else down(p);
        }
    }

    int poll() {
        int top = heap[0];
        position[top] = -1;
        if (--size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            down(0);
        }
        return top;
    }

    // Ties broken by node index so the expansion order never depends on anything but the input.
    private boolean less(int a, int b) {
        double ka = key[a], kb = key[b];
        return ka < kb || (ka == kb && a < b);
    }

    private void up(int i) {
        int n = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(n, heap[parent])) break;
            heap[i] = heap[parent];
            position[heap[i]] = i;
            i = parent;
        }
        heap[i] = n;
        position[n] = i;
    }

    private void down(int i) {
        int n = heap[i];
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && less(heap[c + 1], heap[c])) c++;
            if (!less(heap[c], n)) break;
            heap[i] = heap[c];
            position[heap[i]] = i;
            i = c;
        }
        heap[i] = n;
        position[n] = i;
    }
}
