-- What the wallet holds pending per commission, and which commissions it already saw settled or
-- cancelled, so reordered or late announcements cannot put pending money back (SPEC §6).
CREATE TABLE wallet_commission_{shard} (
    promoter_id     BIGINT      NOT NULL,
    commission_id   BIGINT      NOT NULL,
    pending_fen     BIGINT      NOT NULL,
    state           VARCHAR(16) NOT NULL,
    record_version  INT         NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (promoter_id, commission_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
