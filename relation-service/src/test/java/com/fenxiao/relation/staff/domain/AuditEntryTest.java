package com.fenxiao.relation.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private final AuditEntry entry = new AuditEntry(
            1,
            7,
            "STAFF",
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
        String genesis = "0".repeat(64);
        assertThat(entry.hash(genesis)).hasSize(64).isEqualTo(entry.hash(genesis));
        assertThat(entry.hash("1".repeat(64))).isNotEqualTo(entry.hash(genesis));
        AuditEntry edited = new AuditEntry(
                1,
                7,
                "STAFF",
                "UNBIND_APPROVED",
                "MEMBER",
                "42",
                "{\"a\":1}",
                "{\"a\":2}",
                "why",
                "req-1",
                Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(edited.hash(genesis)).isNotEqualTo(entry.hash(genesis));
    }

    @Test
    void self_approval_is_recognised() {
        ApprovalRequest r = new ApprovalRequest(
                1, ApprovalRequest.UNBIND, 42, "x", 7, null, ApprovalStatus.PENDING, Instant.EPOCH, null, null);
        assertThat(r.isSelfApproval(7)).isTrue();
        assertThat(r.isSelfApproval(8)).isFalse();
    }
}
