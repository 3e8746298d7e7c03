package com.fenxiao.common.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the audit chain in insertion order ({@code seq}), re-computes every hash from the stored
 * fields and reports the first broken link: an edited entry ({@code HASH_MISMATCH}), a removed or
 * re-ordered one ({@code PREVIOUS_HASH_MISMATCH}, {@code SEQUENCE_GAP}), a cut tail
 * ({@code HEAD_MISMATCH}) or an entry written beside the chain ({@code UNCHAINED_ENTRY}).
 */
public class AuditChainVerifier {

    public static final String HASH_MISMATCH = "HASH_MISMATCH";
    public static final String PREVIOUS_HASH_MISMATCH = "PREVIOUS_HASH_MISMATCH";
    public static final String SEQUENCE_GAP = "SEQUENCE_GAP";
    public static final String HEAD_MISMATCH = "HEAD_MISMATCH";
    public static final String UNCHAINED_ENTRY = "UNCHAINED_ENTRY";

    private static final int PAGE = 1000;

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome: {@code firstBrokenId} and {@code reason} are null when the chain holds. */
    public record Verification(boolean ok, long checked, Long firstBrokenId, String reason) {

        static Verification holds(long checked) {
            return new Verification(true, checked, null, null);
        }

        static Verification broken(long checked, Long id, String reason) {
            return new Verification(false, checked, id, reason);
        }
    }

    public Verification verify() {
        String expectedPrev = AuditTrail.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        Long lastId = null;
        while (true) {
            List<AuditEntry> page = jdbc.query(
                    "SELECT " + AuditQueries.COLUMNS + " FROM audit_log WHERE shard_key = 0 AND seq >= ?"
                            + " ORDER BY seq LIMIT " + PAGE,
                    AuditQueries::map,
                    expectedSeq);
            for (AuditEntry e : page) {
                long id = e.record().id();
                if (e.seq() != expectedSeq) {
                    return Verification.broken(checked, id, SEQUENCE_GAP);
                }
                if (!AuditTrail.hash(e.prevHash(), e.record()).equals(e.hash())) {
                    return Verification.broken(checked, id, HASH_MISMATCH);
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return Verification.broken(checked, id, PREVIOUS_HASH_MISMATCH);
                }
                checked++;
                expectedPrev = e.hash();
                expectedSeq++;
                lastId = id;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT last_hash, last_seq FROM audit_head WHERE shard_key = 0");
        if (!expectedPrev.equals(head.get("last_hash"))
                || ((Number) head.get("last_seq")).longValue() != expectedSeq - 1) {
            return Verification.broken(checked, lastId, HEAD_MISMATCH);
        }
        List<Long> unchained = jdbc.queryForList(
                "SELECT id FROM audit_log WHERE shard_key = 0 AND seq IS NULL ORDER BY id LIMIT 1", Long.class);
        if (!unchained.isEmpty()) {
            return Verification.broken(checked, unchained.get(0), UNCHAINED_ENTRY);
        }
        return Verification.holds(checked);
    }
}
