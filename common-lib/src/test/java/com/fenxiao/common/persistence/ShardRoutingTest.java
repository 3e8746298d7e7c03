package com.fenxiao.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardRoutingTest {

    private static final int DATABASES = 2;
    private static final int TABLES = 4;
    private static final int SLOTS = DATABASES * TABLES;

    @Test
    void routes_a_numeric_string_like_the_number_it_spells() {
        assertThat(ShardRouting.slot("100001", DATABASES, TABLES))
                .isEqualTo(ShardRouting.slot(100001L, DATABASES, TABLES));
        assertThat(ShardRouting.slot("100001", DATABASES, TABLES))
                .isEqualTo(ShardRouting.slot(100001, DATABASES, TABLES));
        assertThat(ShardRouting.slot(100001L, DATABASES, TABLES)).isEqualTo(1);
    }

    @Test
    void routes_the_same_key_to_the_same_slot_every_time() {
        assertThat(ShardRouting.hash("SO-100001")).isEqualTo(ShardRouting.hash("SO-100001"));
        // CRC-32 of "abc", the same in every language: routing must not depend on the JVM.
        assertThat(ShardRouting.hash("abc")).isEqualTo(0x352441C2L);
        assertThat(ShardRouting.slot("abc", DATABASES, TABLES)).isEqualTo((int) (0x352441C2L % SLOTS));
    }

    @Test
    void spreads_sequential_ids_evenly_over_the_slots() {
        int[] counts = new int[SLOTS];
        for (long id = 1_000_000; id < 1_010_000; id++) {
            counts[ShardRouting.slot(id, DATABASES, TABLES)]++;
        }

        for (int count : counts) {
            assertThat(count).isBetween(1_188, 1_312);
        }
    }

    @Test
    void spreads_sequential_order_numbers_evenly_over_the_slots() {
        int[] counts = new int[SLOTS];
        for (int n = 0; n < 10_000; n++) {
            counts[ShardRouting.slot("SO" + (100_000 + n), DATABASES, TABLES)]++;
        }

        for (int count : counts) {
            assertThat(count).isBetween(1_188, 1_312);
        }
    }

    @Test
    void derives_database_and_table_from_the_slot() {
        for (long key = 0; key < 64; key++) {
            int slot = ShardRouting.slot(key, DATABASES, TABLES);
            assertThat(ShardRouting.database(key, DATABASES, TABLES)).isEqualTo(slot / TABLES);
            assertThat(ShardRouting.table(key, DATABASES, TABLES)).isEqualTo(slot % TABLES);
        }
        assertThat(ShardRouting.database(7L, DATABASES, TABLES)).isEqualTo(1);
        assertThat(ShardRouting.table(7L, DATABASES, TABLES)).isEqualTo(3);
    }

    @Test
    void keeps_every_key_inside_the_slot_range() {
        for (Object key : new Object[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, "", "订单-1", "9999999999999999999"}) {
            assertThat(ShardRouting.slot(key, DATABASES, TABLES))
                    .as(String.valueOf(key))
                    .isBetween(0, SLOTS - 1);
        }
    }
}
