-- The audit trail takes the shared shape of common-lib (db/shared/audit_and_approvals.sql): the chain
-- order (seq, last_seq) and query indexes; approval_request is the shared maker-checker table.
ALTER TABLE audit_log
    ADD COLUMN seq BIGINT NULL AFTER shard_key,
    ADD UNIQUE KEY uk_audit_seq (shard_key, seq),
    ADD KEY idx_audit_actor (actor_id, id),
    ADD KEY idx_audit_action (action, id),
    ADD KEY idx_audit_at (at);

ALTER TABLE audit_head ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;

-- entries written before: numbered in id order
UPDATE audit_log a JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_log) o ON a.id = o.id SET a.seq = o.n;

UPDATE audit_head SET last_seq = (SELECT COUNT(*) FROM audit_log) WHERE shard_key = 0;

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
