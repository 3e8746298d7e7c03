package com.fenxiao.withdrawal.export.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetMergeTest {

    /** An ordered table read in keyset pages, remembering the largest page it ever handed out. */
    static final class Table implements KeysetMerge.PagedSource<Integer> {
        final List<Integer> rows;
        int largestPage;
        int pagesRead;

        Table(Integer... rows) {
            this.rows = List.of(rows);
        }

        @Override
        public List<Integer> after(Integer last, int limit) {
            pagesRead++;
            List<Integer> page = rows.stream()
                    .filter(r -> last == null || r > last)
                    .limit(limit)
                    .toList();
            largestPage = Math.max(largestPage, page.size());
            return page;
        }
    }

    @Test
    void merges_ordered_tables_into_one_ordered_stream_a_page_at_a_time() {
        Table a = new Table(1, 4, 5, 9, 10, 11);
        Table b = new Table(2, 3, 12);
        Table empty = new Table();
        Table c = new Table(6, 7, 8);
        List<Integer> out = new ArrayList<>();

        KeysetMerge.run(List.of(a, b, empty, c), Comparator.naturalOrder(), 2, out::add);

        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(List.of(a, b, c)).allSatisfy(t -> assertThat(t.largestPage).isLessThanOrEqualTo(2));
        assertThat(empty.pagesRead).isEqualTo(1);
    }

    @Test
    void a_table_whose_rows_fill_whole_pages_is_asked_once_more_and_then_left_alone() {
        Table exact = new Table(1, 2, 3, 4);
        List<Integer> out = new ArrayList<>();

        KeysetMerge.run(List.of(exact), Comparator.naturalOrder(), 2, out::add);

        assertThat(out).containsExactly(1, 2, 3, 4);
        assertThat(exact.pagesRead).isEqualTo(3); // two full pages, then an empty one
    }
}
