-- Staff actions on withdrawals (approvals, rejections, bank batches, mark-paid) go to the shared audit
-- trail of common-lib; large withdrawals use its maker-checker table. The shared shape of
-- common-lib db/shared/audit_and_approvals.sql. the sharded withdrawal_audit tables stay: each withdrawal's own
-- step history, which the payout code reads.

-- Append-only; each entry's hash covers the previous entry's hash and its own fields. seq is the chain
-- order, given under the audit_head lock. `at` is stored in whole seconds (what the hash covers).
CREATE TABLE audit_log (
    id           BIGINT       NOT NULL PRIMARY KEY,
    shard_key    BIGINT       NOT NULL DEFAULT 0,
    seq          BIGINT       NULL,
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
    UNIQUE KEY uk_audit_seq (shard_key, seq),
    KEY idx_audit_target (target_type, target_id),
    KEY idx_audit_actor (actor_id, id),
    KEY idx_audit_action (action, id),
    KEY idx_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE audit_head (
    shard_key  BIGINT   NOT NULL PRIMARY KEY,
    last_hash  CHAR(64) NOT NULL,
    last_seq   BIGINT   NOT NULL DEFAULT 0
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO audit_head (shard_key, last_hash, last_seq) VALUES (0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Maker-checker: one staff member requests (payload = the change as JSON), another approves or rejects.
-- applied_at is the apply-once marker of an approved change.
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
    request_id     VARCHAR(64)  NULL,
    decided_by     BIGINT       NULL,
    decided_at     DATETIME(3)  NULL,
    decision_note  VARCHAR(500) NULL,
    applied_at     DATETIME(3)  NULL,
    KEY idx_approval_kind_status (kind, status, id),
    KEY idx_approval_status (status, id),
    KEY idx_approval_target (kind, target, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
