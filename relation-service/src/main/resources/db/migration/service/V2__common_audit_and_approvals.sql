-- The audit trail and maker-checker move to the shared mechanism of common-lib (com.fenxiao.common.audit,
-- .approval) and its table shape (common-lib db/shared/audit_and_approvals.sql).
-- The first audit chain was hashed by another function; it is kept, untouched, as audit_log_v1 with its
-- head, and the shared chain starts from the genesis hash.
RENAME TABLE audit_log TO audit_log_v1, audit_head TO audit_head_v1;

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

-- Existing requests keep their rows: the unbind target becomes the generic target, requester and
-- approver become requested_by and decided_by; an approved unbind was applied when it was approved.
ALTER TABLE approval_request
    DROP KEY idx_approval_target,
    DROP KEY idx_approval_status,
    ADD COLUMN shard_key BIGINT NOT NULL DEFAULT 0 AFTER id,
    CHANGE COLUMN target_user_id target VARCHAR(128) NOT NULL,
    ADD COLUMN payload TEXT NULL AFTER target,
    MODIFY COLUMN reason VARCHAR(500) NOT NULL,
    CHANGE COLUMN requester_id requested_by BIGINT NOT NULL,
    CHANGE COLUMN approver_id decided_by BIGINT NULL,
    MODIFY COLUMN decision_note VARCHAR(500) NULL,
    ADD COLUMN applied_at DATETIME(3) NULL,
    ADD KEY idx_approval_kind_status (kind, status, id),
    ADD KEY idx_approval_status (status, id),
    ADD KEY idx_approval_target (kind, target, status);

UPDATE approval_request SET payload = CONCAT('{"targetUserId":"', target, '"}') WHERE payload IS NULL;

UPDATE approval_request SET applied_at = decided_at WHERE status = 'APPROVED' AND applied_at IS NULL;

ALTER TABLE approval_request MODIFY COLUMN payload TEXT NOT NULL;
