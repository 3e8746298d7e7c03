-- A member's real-name identity: name and ID number AES-GCM encrypted (key id inside the value),
-- masked forms for display, and the keyed hash that proves which ID number it is.
CREATE TABLE member_identity_{shard} (
    member_id         BIGINT       NOT NULL PRIMARY KEY,
    real_name_enc     VARCHAR(255) NOT NULL,
    id_number_enc     VARCHAR(255) NOT NULL,
    id_hash           CHAR(64)     NOT NULL,
    masked_name       VARCHAR(64)  NOT NULL,
    masked_id_number  VARCHAR(32)  NOT NULL,
    verified_at       DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One ID number, one account: sharded by the keyed hash itself, so the primary key holds platform-wide.
CREATE TABLE identity_claim_{shard} (
    id_hash     CHAR(64)    NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    claimed_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
