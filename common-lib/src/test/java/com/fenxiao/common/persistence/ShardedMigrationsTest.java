package com.fenxiao.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardedMigrationsTest {

    @Test
    void repeats_a_sharded_statement_once_per_table() {
        String sql =
                """
                CREATE TABLE commission_record_{shard} (
                    id BIGINT NOT NULL PRIMARY KEY
                );
                """;

        assertThat(ShardedMigrations.expand(sql, 3))
                .isEqualTo(
                        """
                        CREATE TABLE commission_record_0 (
                            id BIGINT NOT NULL PRIMARY KEY
                        );
                        CREATE TABLE commission_record_1 (
                            id BIGINT NOT NULL PRIMARY KEY
                        );
                        CREATE TABLE commission_record_2 (
                            id BIGINT NOT NULL PRIMARY KEY
                        );
                        """);
    }

    @Test
    void leaves_an_unsharded_statement_once_and_keeps_the_order() {
        String sql =
                """
                CREATE TABLE outbox_event (id BIGINT NOT NULL);
                CREATE TABLE wallet_{shard} (user_id BIGINT NOT NULL);
                CREATE INDEX idx_wallet_{shard}_user ON wallet_{shard} (user_id);

                INSERT INTO commission_rule (level, rate_bp) VALUES (1, 800);
                """;

        assertThat(ShardedMigrations.expand(sql, 2))
                .isEqualTo(
                        """
                        CREATE TABLE outbox_event (id BIGINT NOT NULL);
                        CREATE TABLE wallet_0 (user_id BIGINT NOT NULL);
                        CREATE TABLE wallet_1 (user_id BIGINT NOT NULL);
                        CREATE INDEX idx_wallet_0_user ON wallet_0 (user_id);
                        CREATE INDEX idx_wallet_1_user ON wallet_1 (user_id);
                        INSERT INTO commission_rule (level, rate_bp) VALUES (1, 800);
                        """);
    }

    @Test
    void ends_the_last_statement_even_without_a_trailing_newline_or_semicolon() {
        assertThat(ShardedMigrations.expand("CREATE TABLE a_{shard} (id INT);", 2))
                .isEqualTo("CREATE TABLE a_0 (id INT);\nCREATE TABLE a_1 (id INT);\n");
        assertThat(ShardedMigrations.expand("CREATE TABLE b (id INT)", 2)).isEqualTo("CREATE TABLE b (id INT);\n");
    }

    @Test
    void splits_windows_line_endings_too() {
        assertThat(ShardedMigrations.expand("CREATE TABLE a (id INT);\r\nCREATE TABLE b_{shard} (id INT);\r\n", 2))
                .isEqualTo("CREATE TABLE a (id INT);\nCREATE TABLE b_0 (id INT);\nCREATE TABLE b_1 (id INT);\n");
    }

    @Test
    void does_not_split_on_a_semicolon_inside_a_line() {
        String sql = "INSERT INTO note (text) VALUES ('a;b');\n";

        assertThat(ShardedMigrations.expand(sql, 4)).isEqualTo("INSERT INTO note (text) VALUES ('a;b');\n");
    }
}
