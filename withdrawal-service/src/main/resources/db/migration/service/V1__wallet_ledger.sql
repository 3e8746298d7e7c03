-- A promoter's balances, maintained only together with a ledger entry and under the row's lock.
CREATE TABLE wallet_{shard} (
    promoter_id    BIGINT      NOT NULL PRIMARY KEY,
    pending_fen    BIGINT      NOT NULL,
    available_fen  BIGINT      NOT NULL,
    frozen_fen     BIGINT      NOT NULL,
    withdrawn_fen  BIGINT      NOT NULL,
    debt_fen       BIGINT      NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    CONSTRAINT ck_wallet_{shard}_non_negative CHECK (pending_fen >= 0 AND available_fen >= 0 AND frozen_fen >= 0
        AND withdrawn_fen >= 0 AND debt_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: each entry is unique by its source (event id, withdrawal id + step), so a replay is a no-op.
CREATE TABLE wallet_ledger_{shard} (
    id               BIGINT       NOT NULL PRIMARY KEY,
    promoter_id      BIGINT       NOT NULL,
    entry_type       VARCHAR(32)  NOT NULL,
    source_key       VARCHAR(96)  NOT NULL,
    amount_fen       BIGINT       NOT NULL,
    pending_delta    BIGINT       NOT NULL,
    available_delta  BIGINT       NOT NULL,
    frozen_delta     BIGINT       NOT NULL,
    withdrawn_delta  BIGINT       NOT NULL,
    debt_delta       BIGINT       NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_wallet_ledger_source (promoter_id, source_key),
    KEY idx_wallet_ledger_promoter (promoter_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
