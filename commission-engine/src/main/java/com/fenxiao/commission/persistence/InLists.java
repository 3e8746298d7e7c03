package com.fenxiao.commission.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Pads an {@code IN} list to the next power of two by repeating its last value, so a batch of any size
 * produces one of a handful of SQL texts: ShardingSphere parses each distinct text once (its parse
 * cache), and parsing a long {@code IN} list is the expensive part of routing it.
 */
public final class InLists {

    private InLists() {}

    public static <T> List<T> padded(Collection<T> values) {
        List<T> out = new ArrayList<>(values);
        if (out.isEmpty()) {
            return out;
        }
        int size = Integer.highestOneBit(out.size());
        if (size < out.size()) {
            size <<= 1;
        }
        T last = out.get(out.size() - 1);
        while (out.size() < Math.max(size, 8)) {
            out.add(last);
        }
        return out;
    }
}
