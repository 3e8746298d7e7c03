-- Issue 5. What settlement knows of each commission, sharded by promoter id (the same routing as the
-- engine's commission_record). The engine owns amounts until release; settlement owns the states after
-- the after-sales window (SPEC §5). Out-of-order events may create a row before COMMISSION_CREATED
-- arrives (known = 0); the release job only takes known rows.
CREATE TABLE settlement_commission_{shard} (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    promoter_id        BIGINT        NOT NULL,
    order_id           VARCHAR(64)   NOT NULL,
    level              TINYINT       NOT NULL DEFAULT 0,
    known              TINYINT(1)    NOT NULL DEFAULT 0,
    status             VARCHAR(16)   NOT NULL,
    amount_fen         BIGINT        NOT NULL DEFAULT 0,
    settled_fen        BIGINT        NOT NULL DEFAULT 0,
    reversed_fen       BIGINT        NOT NULL DEFAULT 0,
    withdrawn_fen      BIGINT        NOT NULL DEFAULT 0,
    late_increase_fen  BIGINT        NOT NULL DEFAULT 0,
    held               TINYINT(1)    NOT NULL DEFAULT 0,
    hold_reason        VARCHAR(64)   NULL,
    products           TEXT          NULL,
    paid_at            DATETIME(3)   NULL,
    completed_at       DATETIME(3)   NULL,
    -- epoch milliseconds: exact to the millisecond whatever the driver does with DATETIME fractions
    due_at_ms          BIGINT        NULL,
    released_at        DATETIME(3)   NULL,
    released_day       DATE          NULL,
    decided_by         BIGINT        NULL,
    source_version     INT           NOT NULL DEFAULT 0,
    created_at         DATETIME(3)   NOT NULL,
    updated_at         DATETIME(3)   NOT NULL,
    KEY idx_settlement_due (status, due_at_ms, id),
    KEY idx_settlement_promoter (promoter_id, status, released_at, id),
    KEY idx_settlement_released (released_day, status),
    KEY idx_settlement_held (held, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A paid withdrawal larger than what settlement still sees as available for its promoter (possible
-- only when events cross); covered from the next releases, and shown by the invariant check.
CREATE TABLE settlement_promoter_{shard} (
    promoter_id    BIGINT      NOT NULL PRIMARY KEY,
    uncovered_fen  BIGINT      NOT NULL DEFAULT 0,
    updated_at     DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Reconciliation: one row per order (sharded by order id) with its items' paid, cost and refunded fen,
-- and per business day (Asia/Shanghai, the day the order was paid) and product the running totals.
CREATE TABLE settlement_order_{shard} (
    order_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    paid_day    DATE        NULL,
    items       TEXT        NULL,
    refunds     TEXT        NULL,
    updated_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE reconciliation_day (
    shard_key       BIGINT      NOT NULL DEFAULT 0,
    day             DATE        NOT NULL,
    product_id      VARCHAR(64) NOT NULL,
    paid_fen        BIGINT      NOT NULL DEFAULT 0,
    refunded_fen    BIGINT      NOT NULL DEFAULT 0,
    cost_fen        BIGINT      NOT NULL DEFAULT 0,
    commission_fen  BIGINT      NOT NULL DEFAULT 0,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (day, product_id, shard_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per release run and shard, for the operations view and the lag/failure metrics.
CREATE TABLE release_run (
    id           BIGINT       NOT NULL PRIMARY KEY,
    shard_key    BIGINT       NOT NULL DEFAULT 0,
    shard        VARCHAR(32)  NOT NULL,
    instance     VARCHAR(64)  NOT NULL,
    trigger_by   VARCHAR(32)  NOT NULL,
    started_at   DATETIME(3)  NOT NULL,
    finished_at  DATETIME(3)  NULL,
    released     INT          NOT NULL DEFAULT 0,
    held         INT          NOT NULL DEFAULT 0,
    outcome      VARCHAR(16)  NOT NULL,
    error        VARCHAR(500) NULL,
    KEY idx_release_run_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only audit of operator decisions, each entry chained by hash to the previous (SPEC §8).
CREATE TABLE audit_log (
    id           BIGINT       NOT NULL PRIMARY KEY,
    shard_key    BIGINT       NOT NULL DEFAULT 0,
    actor_id     BIGINT       NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    target_type  VARCHAR(32)  NOT NULL,
    target_id    VARCHAR(128) NOT NULL,
    before_json  TEXT         NULL,
    after_json   TEXT         NULL,
    reason       VARCHAR(500) NULL,
    request_id   VARCHAR(64)  NULL,
    at           DATETIME(3)  NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL,
    KEY idx_audit_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE audit_head (
    shard_key  BIGINT   NOT NULL PRIMARY KEY,
    last_hash  CHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO audit_head (shard_key, last_hash) VALUES (0, '0000000000000000000000000000000000000000000000000000000000000000');
