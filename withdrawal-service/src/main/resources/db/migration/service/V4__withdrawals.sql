-- One row per withdrawal request, beside the promoter's wallet (same shard key) so the freeze, the
-- row and its outbox event commit together. (promoter_id, idempotency_key) makes a retried request a no-op.
CREATE TABLE withdrawal_{shard} (
    id                BIGINT       NOT NULL PRIMARY KEY,
    promoter_id       BIGINT       NOT NULL,
    idempotency_key   VARCHAR(64)  NOT NULL,
    request_hash      CHAR(64)     NOT NULL,
    channel           VARCHAR(8)   NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    fee_fen           BIGINT       NOT NULL,
    tax_fen           BIGINT       NOT NULL,
    net_fen           BIGINT       NOT NULL,
    tax_method        VARCHAR(32)  NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    first_approver    BIGINT       NULL,
    second_approver   BIGINT       NULL,
    reason            VARCHAR(255) NULL,
    out_bill_no       VARCHAR(32)  NULL,
    bill_attempt      INT          NOT NULL,
    bill_state        VARCHAR(32)  NULL,
    package_info      VARCHAR(1024) NULL,
    bill_created_at   DATETIME(3)  NULL,
    bank_batch        VARCHAR(64)  NULL,
    bank_reference    VARCHAR(64)  NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    paid_at           DATETIME(3)  NULL,
    UNIQUE KEY uk_withdrawal_idempotency (promoter_id, idempotency_key),
    KEY idx_withdrawal_promoter (promoter_id, id),
    KEY idx_withdrawal_status (status, channel, id),
    KEY idx_withdrawal_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- SPEC §7: every withholding per person per month; a rejected or failed withdrawal's is voided.
CREATE TABLE tax_withholding_{shard} (
    withdrawal_id  BIGINT      NOT NULL PRIMARY KEY,
    promoter_id    BIGINT      NOT NULL,
    tax_year       INT         NOT NULL,
    tax_month      INT         NOT NULL,
    income_fen     BIGINT      NOT NULL,
    tax_fen        BIGINT      NOT NULL,
    method         VARCHAR(32) NOT NULL,
    voided         TINYINT     NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    KEY idx_tax_withholding_person (promoter_id, tax_year, tax_month),
    KEY idx_tax_withholding_month (tax_month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- SPEC §8: append-only, each entry chained by hash to the previous entry of the same withdrawal.
CREATE TABLE withdrawal_audit_{shard} (
    id             BIGINT       NOT NULL PRIMARY KEY,
    withdrawal_id  BIGINT       NOT NULL,
    promoter_id    BIGINT       NOT NULL,
    actor          VARCHAR(32)  NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    from_status    VARCHAR(32)  NULL,
    to_status      VARCHAR(32)  NULL,
    reason         VARCHAR(255) NULL,
    at             DATETIME(3)  NOT NULL,
    prev_hash      CHAR(64)     NULL,
    entry_hash     CHAR(64)     NOT NULL,
    KEY idx_withdrawal_audit (promoter_id, withdrawal_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Open risk flags per member (relation-service MEMBER_FLAGGED / MEMBER_FLAG_CLEARED).
CREATE TABLE member_flag_{shard} (
    user_id     BIGINT      NOT NULL,
    reason      VARCHAR(64) NOT NULL,
    flagged_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, reason)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
