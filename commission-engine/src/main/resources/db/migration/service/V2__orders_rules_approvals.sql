-- Issue 4. What a commission owes now and how it got there; the snapshot version it reflects.
ALTER TABLE commission_record_{shard}
    ADD COLUMN original_amount_fen BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN computed_fen        BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN adjustment_fen      BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN reversed_fen        BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN held                TINYINT(1)  NOT NULL DEFAULT 0,
    ADD COLUMN hold_reason         VARCHAR(64) NULL,
    ADD COLUMN chain_check         VARCHAR(64) NULL,
    ADD COLUMN buyer_nickname      VARCHAR(64) NULL,
    ADD COLUMN completed_at        DATETIME(3) NULL,
    ADD COLUMN version             INT         NOT NULL DEFAULT 1,
    ADD COLUMN order_version       INT         NOT NULL DEFAULT 0,
    ADD KEY idx_commission_promoter_status (promoter_id, status, id);

-- One row per order, sharded by order id: items (paid and cost fen), chain and rates used at payment,
-- the decision per level, completion and refunds (kept when they arrive before the payment), as JSON.
CREATE TABLE order_snapshot_{shard} (
    order_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    state         VARCHAR(24) NOT NULL,
    order_no      VARCHAR(64) NULL,
    buyer_id      BIGINT      NULL,
    paid_at       DATETIME(3) NULL,
    completed_at  DATETIME(3) NULL,
    paid_fen      BIGINT      NOT NULL DEFAULT 0,
    cost_fen      BIGINT      NOT NULL DEFAULT 0,
    refunded_fen  BIGINT      NOT NULL DEFAULT 0,
    body          MEDIUMTEXT  NOT NULL,
    version       INT         NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    KEY idx_order_snapshot_paid (paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Risk flags (MEMBER_FLAGGED) and disabled promoters as this engine knows them, sharded by user id.
CREATE TABLE member_state_{shard} (
    user_id       BIGINT       NOT NULL PRIMARY KEY,
    flagged       TINYINT(1)   NOT NULL DEFAULT 0,
    flag_reasons  VARCHAR(255) NULL,
    disabled      TINYINT(1)   NOT NULL DEFAULT 0,
    updated_at    DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Approved rule versions. Small and global: kept in the first database (shard_key 0).
CREATE TABLE commission_rule (
    id              BIGINT      NOT NULL PRIMARY KEY,
    shard_key       BIGINT      NOT NULL DEFAULT 0,
    scope           VARCHAR(16) NOT NULL,
    scope_id        VARCHAR(64) NOT NULL,
    level1_bp       INT         NULL,
    level2_bp       INT         NULL,
    level2_enabled  TINYINT(1)  NULL,
    commissionable  TINYINT(1)  NOT NULL,
    qualification   TINYINT(1)  NOT NULL,
    effective_from  DATETIME(3) NOT NULL,
    approval_id     BIGINT      NULL,
    created_at      DATETIME(3) NOT NULL,
    KEY idx_rule_scope (scope, scope_id, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Maker-checker requests (rule changes, manual adjustments), first database.
CREATE TABLE approval_request (
    id             BIGINT       NOT NULL PRIMARY KEY,
    shard_key      BIGINT       NOT NULL DEFAULT 0,
    kind           VARCHAR(32)  NOT NULL,
    target         VARCHAR(128) NOT NULL,
    payload        TEXT         NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    requested_by   BIGINT       NOT NULL,
    requested_at   DATETIME(3)  NOT NULL,
    decided_by     BIGINT       NULL,
    decided_at     DATETIME(3)  NULL,
    decision_note  VARCHAR(500) NULL,
    applied_at     DATETIME(3)  NULL,
    KEY idx_approval_kind_status (kind, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only audit, each entry chained by hash to the previous; audit_head serialises appends.
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
