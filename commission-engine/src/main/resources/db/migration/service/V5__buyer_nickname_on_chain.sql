-- Issue 15. The buyer's nickname as relation-service announces it with RELATION_BOUND, already masked
-- (SPEC §4), so new commission records carry it (commission_record.buyer_nickname) whether or not the
-- shop's order event names the buyer.
ALTER TABLE buyer_chain_{shard}
    ADD COLUMN nickname VARCHAR(64) NULL;
