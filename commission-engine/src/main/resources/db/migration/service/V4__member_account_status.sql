-- Issue 15. relation-service's account status (MEMBER_DISABLED / MEMBER_ENABLED) as this engine knows it:
-- a disabled account's new commissions are held (EARNER_DISABLED). account_status_at is the time of the
-- change recorded, so an older change delivered late does not undo a newer one. Separate from `disabled`,
-- the engine's own standing switch (no commission at all).
ALTER TABLE member_state_{shard}
    ADD COLUMN account_disabled  TINYINT(1)  NOT NULL DEFAULT 0,
    ADD COLUMN account_status_at DATETIME(3) NULL;
