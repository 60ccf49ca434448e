package dev.umwelt.bus.grid;

import java.util.Arrays;

/**
 * The project's one priority queue for grid searches: a binary min-heap of int nodes (cell
 * indices) keyed by doubles, with lazy deletion: a node whose key improves is pushed again and
 * the search skips the stale entry when it pops (cheaper than tracking positions for decrease-key).
 *
 * <p>Ties: with {@code breakTiesByNode} equal keys pop lowest node first, so the order depends on
 * nothing but the keys (the scenarios' ground-truth geodesics, which must not change with how
 * a search happened to push); without it, equal keys pop in the heap's own order (the robot's
 * planners, whose measured trajectories were made with it). Used by {@code scenarios} (geodesics,
 * the generator's reachability) and {@code world-model} (the robot's planner), which cannot
 * depend on each other, hence here. Not thread-safe.
 */
public final class IntMinHeap {
    private final boolean breakTiesByNode;
    private int[] nodes;
    private double[] keys;
    private int size;

    public IntMinHeap(int capacity, boolean breakTiesByNode) {
        this.breakTiesByNode = breakTiesByNode;
        nodes = new int[Math.max(16, capacity)];
        keys = new double[nodes.length];
    }

    public void clear() { size = 0; }

    public boolean isEmpty() { return size == 0; }

    public int size() { return size; }

    /** The least key (undefined when empty). */
    public double minKey() { return keys[0]; }

    /** Adds an entry; the same node may be in the heap several times (the search skips stale ones). */
    public void push(int node, double key) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!before(node, key, nodes[p], keys[p])) break;
            nodes[i] = nodes[p];
            keys[i] = keys[p];
            i = p;
        }
        nodes[i] = node;
        keys[i] = key;
    }

    /** Removes and returns the node of the least key. */
    public int pop() {
        int top = nodes[0];
        int node = nodes[--size];
        double key = keys[size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && before(nodes[c + 1], keys[c + 1], nodes[c], keys[c])) c++;
            if (!before(nodes[c], keys[c], node, key)) break;
            nodes[i] = nodes[c];
            keys[i] = keys[c];
            i = c;
        }
        nodes[i] = node;
        keys[i] = key;
        return top;
    }

    private boolean before(int a, double ka, int b, double kb) {
        return ka < kb || (breakTiesByNode && ka == kb && a < b);
    }
}
