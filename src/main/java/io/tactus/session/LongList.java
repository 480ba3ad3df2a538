package io.tactus.session;

import java.util.Arrays;

/** Growable list of longs (index entries without boxing). */
final class LongList {

    private long[] a = new long[64];
    private int size;

    void add(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        a[size++] = v;
    }

    long get(int i) {
        return a[i];
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
