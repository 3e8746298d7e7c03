-- relation-service owns one database (fx_relation), not sharded. Exactly two levels: a member stores
-- its inviter (level 1) and its inviter's inviter (level 2); no column names a third level.
CREATE TABLE member (
    id                     BIGINT       NOT NULL PRIMARY KEY,
    openid                 VARCHAR(64)  NOT NULL,
    invite_code            VARCHAR(8)   NOT NULL,
    nickname               VARCHAR(64)  NULL,
    status                 VARCHAR(16)  NOT NULL,
    inviter_id             BIGINT       NULL,
    inviter_l2_id          BIGINT       NULL,
    bound_at               DATETIME(3)  NULL,
    bind_channel           VARCHAR(16)  NULL,
    self_unbind_used       TINYINT(1)   NOT NULL DEFAULT 0,
    risk_flags             VARCHAR(255) NOT NULL DEFAULT '',
    version                BIGINT       NOT NULL DEFAULT 0,
    device_id              VARCHAR(128) NOT NULL,
    register_ip            VARCHAR(64)  NOT NULL,
    agreement_version      VARCHAR(32)  NOT NULL,
    agreement_accepted_at  DATETIME(3)  NOT NULL,
    created_at             DATETIME(3)  NOT NULL,
    updated_at             DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_member_openid (openid),
    UNIQUE KEY uk_member_invite_code (invite_code),
    KEY idx_member_inviter (inviter_id, bound_at, id),
    KEY idx_member_inviter_l2 (inviter_l2_id, bound_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Promotion agreement acceptances (SPEC §2.6): version, time, IP; one row per member and version.
CREATE TABLE agreement_acceptance (
    id           BIGINT       NOT NULL PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    version      VARCHAR(32)  NOT NULL,
    ip           VARCHAR(64)  NOT NULL,
    accepted_at  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_agreement_user_version (user_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every bind, refused bind, unbind and level-2 change; append-only.
CREATE TABLE bind_history (
    id             BIGINT       NOT NULL PRIMARY KEY,
    user_id        BIGINT       NOT NULL,
    action         VARCHAR(16)  NOT NULL,
    inviter_id     BIGINT       NULL,
    inviter_l2_id  BIGINT       NULL,
    invite_code    VARCHAR(16)  NULL,
    channel        VARCHAR(16)  NULL,
    reason         VARCHAR(64)  NULL,
    device_id      VARCHAR(128) NULL,
    ip             VARCHAR(64)  NULL,
    operator_id    BIGINT       NULL,
    approval_id    BIGINT       NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    KEY idx_bind_history_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members with at least one paid order, learned from ORDER_EVENTS (PAID); closes self-service binding.
CREATE TABLE paid_buyer (
    user_id          BIGINT       NOT NULL PRIMARY KEY,
    first_order_id   VARCHAR(64)  NOT NULL,
    first_paid_at    DATETIME(3)  NOT NULL,
    recorded_at      DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE risk_flag (
    id               BIGINT        NOT NULL PRIMARY KEY,
    user_id          BIGINT        NOT NULL,
    reason           VARCHAR(32)   NOT NULL,
    detail           VARCHAR(255)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    resolved_by      BIGINT        NULL,
    resolved_at      DATETIME(3)   NULL,
    resolution_note  VARCHAR(255)  NULL,
    KEY idx_risk_flag_user (user_id, status),
    KEY idx_risk_flag_status (status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Maker-checker (SPEC §8): one staff member requests, another approves.
CREATE TABLE approval_request (
    id              BIGINT        NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)   NOT NULL,
    target_user_id  BIGINT        NOT NULL,
    reason          VARCHAR(255)  NOT NULL,
    requester_id    BIGINT        NOT NULL,
    approver_id     BIGINT        NULL,
    status          VARCHAR(16)   NOT NULL,
    requested_at    DATETIME(3)   NOT NULL,
    decided_at      DATETIME(3)   NULL,
    decision_note   VARCHAR(255)  NULL,
    request_id      VARCHAR(64)   NULL,
    KEY idx_approval_status (status, id),
    KEY idx_approval_target (target_user_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only audit log, each entry chained by hash to the previous one (tamper-evident).
CREATE TABLE audit_log (
    id            BIGINT        NOT NULL PRIMARY KEY,
    actor_id      BIGINT        NOT NULL,
    actor_kind    VARCHAR(16)   NOT NULL,
    action        VARCHAR(48)   NOT NULL,
    target_type   VARCHAR(32)   NOT NULL,
    target_id     VARCHAR(64)   NOT NULL,
    before_state  TEXT          NULL,
    after_state   TEXT          NULL,
    reason        VARCHAR(255)  NULL,
    request_id    VARCHAR(64)   NULL,
    occurred_at   DATETIME(3)   NOT NULL,
    prev_hash     CHAR(64)      NOT NULL,
    hash          CHAR(64)      NOT NULL,
    KEY idx_audit_target (target_type, target_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The head of the hash chain; appending locks this one row, so entries are chained one at a time.
CREATE TABLE audit_head (
    id         TINYINT   NOT NULL PRIMARY KEY,
    last_hash  CHAR(64)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO audit_head (id, last_hash) VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000');
