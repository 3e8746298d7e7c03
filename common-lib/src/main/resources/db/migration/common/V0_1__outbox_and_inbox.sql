-- Transactional outbox: written in the same local transaction as the change it announces, relayed to
-- RocketMQ afterwards. Sharded by database only (shard_key = the business row's shard key).
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL PRIMARY KEY,
    shard_key      BIGINT       NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    topic          VARCHAR(64)  NOT NULL,
    tag            VARCHAR(64)  NOT NULL,
    msg_key        VARCHAR(128) NOT NULL,
    payload        MEDIUMTEXT   NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    claimed_by     VARCHAR(64)  NULL,
    claimed_until  DATETIME(3)  NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    published_at   DATETIME(3)  NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY idx_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Consumer-side dedupe: one row per (consumer, event id), inserted in the transaction of the effect.
CREATE TABLE processed_event (
    consumer      VARCHAR(64)  NOT NULL,
    event_id      VARCHAR(64)  NOT NULL,
    shard_key     BIGINT       NOT NULL,
    processed_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
