-- The audit trail and maker-checker tables take the shared shape of common-lib
-- (db/shared/audit_and_approvals.sql): the chain order (seq, last_seq), query indexes, the request id.
ALTER TABLE audit_log
    ADD COLUMN seq BIGINT NULL AFTER shard_key,
    ADD UNIQUE KEY uk_audit_seq (shard_key, seq),
    ADD KEY idx_audit_actor (actor_id, id),
    ADD KEY idx_audit_action (action, id),
    ADD KEY idx_audit_at (at);

ALTER TABLE audit_head ADD COLUMN last_seq BIGINT NOT NULL DEFAULT 0;

-- entries written before: numbered in id order (one writer at a time, as the engine appended them)
UPDATE audit_log a JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_log) o ON a.id = o.id SET a.seq = o.n;

UPDATE audit_head SET last_seq = (SELECT COUNT(*) FROM audit_log) WHERE shard_key = 0;

ALTER TABLE approval_request
    ADD COLUMN request_id VARCHAR(64) NULL AFTER requested_at,
    ADD KEY idx_approval_status (status, id),
    ADD KEY idx_approval_target (kind, target, status);
