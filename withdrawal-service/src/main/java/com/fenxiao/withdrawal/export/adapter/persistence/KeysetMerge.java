package com.fenxiao.withdrawal.export.adapter.persistence;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Merges several keyset-paged sources (one per physical table), each already ordered, into one
 * ordered stream: at most one page per source is held at a time, so memory does not grow with the
 * range exported.
 */
final class KeysetMerge {

    /** The next page of a source after {@code last} (null: the first page), in the merge order. */
    interface PagedSource<T> {
        List<T> after(T last, int limit);
    }

    private KeysetMerge() {}

    static <T> void run(List<PagedSource<T>> sources, Comparator<T> order, int pageSize, Consumer<T> sink) {
        PriorityQueue<Cursor<T>> heads = new PriorityQueue<>((a, b) -> order.compare(a.head(), b.head()));
        for (PagedSource<T> source : sources) {
            Cursor<T> cursor = new Cursor<>(source, pageSize);
            if (cursor.fill()) {
                heads.add(cursor);
            }
        }
        while (!heads.isEmpty()) {
            Cursor<T> cursor = heads.poll();
            sink.accept(cursor.take());
            if (cursor.fill()) {
                heads.add(cursor);
            }
        }
    }

    private static final class Cursor<T> {
        private final PagedSource<T> source;
        private final int pageSize;
        private final ArrayDeque<T> page = new ArrayDeque<>();
        private T last;
        private boolean exhausted;

        Cursor(PagedSource<T> source, int pageSize) {
            this.source = source;
            this.pageSize = pageSize;
        }

        /** True when a row is ready, fetching the next page when the current one is used up. */
        boolean fill() {
            if (page.isEmpty() && !exhausted) {
                List<T> next = source.after(last, pageSize);
                page.addAll(next);
                exhausted = next.size() < pageSize;
            }
            return !page.isEmpty();
        }

        T head() {
            return page.peekFirst();
        }

        T take() {
            last = page.pollFirst();
            return last;
        }
    }
}
