package dev.suppression.checkindex;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A grow-only set of 64-bit hashes (open addressing, linear probing) that answers "certainly absent" or
 * "maybe present". 1M entries take about 16 MB, against well over 100 MB for a set of strings. A collision
 * only sends a check to the database; it never turns a suppressed address into ALLOW.
 *
 * <p>Reads take no lock; adds are serialized. Slots are read and written with volatile semantics, and a
 * resize publishes the new table only after it holds every entry.
 */
final class LongHashFilter {

    private static final long EMPTY = 0L;
    private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;

    private volatile AtomicLongArray table;
    private int size;

    LongHashFilter(int expected) {
        table = new AtomicLongArray(capacityFor(Math.max(16, expected)));
    }

    boolean mightContain(long hash) {
        var t = table;
        var key = hash == EMPTY ? ZERO_STANDIN : hash;
        int mask = t.length() - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            long slot = t.get(i);
            if (slot == key) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
        }
    }

    synchronized void add(long hash) {
        var key = hash == EMPTY ? ZERO_STANDIN : hash;
        if ((size + 1) * 2L > table.length()) {
            table = rehash(table, table.length() * 2);
        }
        if (insert(table, key)) {
            size++;
        }
    }

    synchronized int size() {
        return size;
    }

    private static AtomicLongArray rehash(AtomicLongArray old, int capacity) {
        var fresh = new AtomicLongArray(capacity);
        for (int i = 0; i < old.length(); i++) {
            long slot = old.get(i);
            if (slot != EMPTY) {
                insert(fresh, slot);
            }
        }
        return fresh;
    }

    private static boolean insert(AtomicLongArray t, long key) {
        int mask = t.length() - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            long slot = t.get(i);
            if (slot == key) {
                return false;
            }
            if (slot == EMPTY) {
                t.set(i, key);
                return true;
            }
        }
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }

    private static int capacityFor(int expected) {
        return Integer.highestOneBit(Math.max(2, expected * 2 - 1)) << 1;
    }

    /** A 64-bit FNV-1a hash, mixed; good enough spread for addresses and domains. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
