-- The exports (SPEC §8) read each physical table in keyset pages by time or tax month; these indexes
-- keep every page an index range scan instead of a table scan.
CREATE INDEX idx_wallet_ledger_created ON wallet_ledger_{shard} (created_at, id);
CREATE INDEX idx_tax_withholding_month_person ON tax_withholding_{shard} (tax_month, promoter_id);
