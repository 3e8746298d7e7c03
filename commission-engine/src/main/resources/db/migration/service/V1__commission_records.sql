-- One record per (order, level); every row of one promoter sits in one physical table, and so does
-- every row of one (order, level), because the promoter of a level is fixed when the order is paid.
CREATE TABLE commission_record_{shard} (
    id            BIGINT       NOT NULL PRIMARY KEY,
    order_id      VARCHAR(64)  NOT NULL,
    order_no      VARCHAR(64)  NOT NULL,
    promoter_id   BIGINT       NOT NULL,
    buyer_id      BIGINT       NOT NULL,
    level         TINYINT      NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    rate_bp       INT          NOT NULL,
    breakdown     TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    paid_at       DATETIME(3)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_commission_order_level (order_id, level),
    KEY idx_commission_promoter (promoter_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The buyer's chain as relation-service last announced it (RELATION_EVENTS), sharded by user id.
CREATE TABLE buyer_chain_{shard} (
    user_id        BIGINT      NOT NULL PRIMARY KEY,
    inviter_id     BIGINT      NULL,
    inviter_l2_id  BIGINT      NULL,
    as_of          DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
