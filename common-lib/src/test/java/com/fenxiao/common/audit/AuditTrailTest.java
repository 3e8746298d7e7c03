package com.fenxiao.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final AuditRecord entry = new AuditRecord(
            1,
            7,
            "UNBIND_APPROVED",
            "MEMBER",
            "42",
            "{\"a\":1}",
            "{\"a\":null}",
            "why",
            "req-1",
            Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void the_hash_depends_on_the_previous_hash_and_on_every_field() {
        String genesis = AuditTrail.GENESIS;
        assertThat(AuditTrail.hash(genesis, entry)).hasSize(64).isEqualTo(AuditTrail.hash(genesis, entry));
        assertThat(AuditTrail.hash("1".repeat(64), entry)).isNotEqualTo(AuditTrail.hash(genesis, entry));
        AuditRecord edited = new AuditRecord(
                1,
                7,
                "UNBIND_APPROVED",
                "MEMBER",
                "42",
                "{\"a\":1}",
                "{\"a\":2}",
                "why",
                "req-1",
                Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(AuditTrail.hash(genesis, edited)).isNotEqualTo(AuditTrail.hash(genesis, entry));
        AuditRecord otherReason = new AuditRecord(
                1, 7, "UNBIND_APPROVED", "MEMBER", "42", "{\"a\":1}", "{\"a\":null}", "x", "req-1", entry.at());
        assertThat(AuditTrail.hash(genesis, otherReason)).isNotEqualTo(AuditTrail.hash(genesis, entry));
    }
}
