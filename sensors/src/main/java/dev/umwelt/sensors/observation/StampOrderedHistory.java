package dev.umwelt.sensors.observation;

import dev.umwelt.bus.Stamped;

/** The last few readings of one stream, kept sorted by stamp whatever their arrival order. */
final class StampOrderedHistory {
    private final Stamped[] items;
    private int size;

    StampOrderedHistory(int capacity) {
        items = new Stamped[capacity];
    }

    void add(Stamped r) {
        long t = r.stampNanos();
        int i = size;
        // Insertion from the back: in-order arrivals cost one comparison.
        while (i > 0 && items[i - 1].stampNanos() > t) i--;
        if (i > 0 && items[i - 1].stampNanos() == t) {
            items[i - 1] = r; // same stamp: the later arrival replaces it
            return;
        }
        if (size == items.length) {
            if (i == 0) return; // older than everything kept: useless
            System.arraycopy(items, 1, items, 0, i - 1);
            items[i - 1] = r;
            return;
        }
        System.arraycopy(items, i, items, i + 1, size - i);
        items[i] = r;
        size++;
    }

    Stamped newestAtOrBefore(long t) {
        for (int i = size - 1; i >= 0; i--) if (items[i].stampNanos() <= t) return items[i];
        return null;
    }
}
