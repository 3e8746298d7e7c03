-- Reconciliation (issue 5). Product ids are compared byte for byte: the report merges the rows of
-- several databases in (day, product) order and pages on that order, which must be the same in the
-- database and in Java; a case-insensitive collation would also fold two products into one row.
ALTER TABLE reconciliation_day
    MODIFY product_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- An order keeps every refund it had (their ids make each apply once): room for many partial refunds.
ALTER TABLE settlement_order_{shard}
    MODIFY items MEDIUMTEXT NULL,
    MODIFY refunds MEDIUMTEXT NULL;
