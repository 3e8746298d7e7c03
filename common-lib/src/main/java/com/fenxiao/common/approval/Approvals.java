package com.fenxiao.common.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.EventCodec;
import com.fenxiao.common.id.IdGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maker-checker (SPEC §8), the one mechanism every service uses: one staff member requests, another
 * approves or rejects; the maker can do neither ({@code SELF_APPROVAL}); each step is written to the
 * hash-chained audit trail in the transaction that takes it. Every method joins the caller's transaction
 * when there is one, so a service can lock its own rows first and decide in the same transaction. The
 * {@code approval_request} table lives beside {@code audit_log} ({@code shard_key} = 0).
 */
public class Approvals {

    public static final String SELF_APPROVAL = "SELF_APPROVAL";
    public static final String ALREADY_DECIDED = "APPROVAL_ALREADY_DECIDED";
    public static final String NOT_FOUND = "APPROVAL_NOT_FOUND";
    public static final String REASON_REQUIRED = "REASON_REQUIRED";
    /** The audit target type of request, decision and failure entries. */
    public static final String TARGET_TYPE = "APPROVAL_REQUEST";

    private static final String COLUMNS = "id, kind, target, payload, reason, requested_by, requested_at,"
            + " request_id, status, decided_by, decided_at, decision_note, applied_at";

    /** The approved change, run in the transaction of the approval. */
    @FunctionalInterface
    public interface Effect {
        /**
         * Applies the change; returns what the approval's audit entry should say about the changed thing
         * (its target, before and after), or null to audit the approval request's status change.
         */
        AuditNote apply(ApprovalRequest approved);
    }

    /** How the audit entry of an approval names what the approved change did. */
    public record AuditNote(String targetType, String targetId, Object before, Object after) {}

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final EventCodec json;
    private final TransactionTemplate tx;

    public Approvals(
            JdbcTemplate jdbc,
            AuditTrail audit,
            IdGenerator ids,
            Clock clock,
            EventCodec json,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The maker's step: stores a PENDING request and audits {@code <KIND>_REQUESTED}. */
    public ApprovalRequest request(
            String kind, String target, Object payload, String reason, long staffId, String requestId) {
        Instant now = clock.instant();
        String body = payload instanceof String s ? s : json.write(payload);
        ApprovalRequest request =
                ApprovalRequest.open(ids.nextId(), kind, target, body, reason, staffId, requestId, now);
        return tx.execute(status -> {
            jdbc.update(
                    "INSERT INTO approval_request (id, shard_key, kind, target, payload, reason, status,"
                            + " requested_by, requested_at, request_id) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
                    request.id(),
                    request.kind(),
                    request.target(),
                    request.payload(),
                    request.reason(),
                    request.status().name(),
                    request.requestedBy(),
                    Timestamp.from(now),
                    requestId);
            append(
                    staffId,
                    kind + "_REQUESTED",
                    TARGET_TYPE,
                    Long.toString(request.id()),
                    null,
                    body,
                    reason,
                    requestId,
                    now);
            return request;
        });
    }

    /**
     * The checker approves. With an {@code effect}, the change runs in the same transaction as the
     * decision and its audit entry, and the request is marked applied; without one the service applies
     * it later and calls {@link #markApplied} or {@link #markFailed}.
     */
    public ApprovalRequest approve(long id, String kind, long staffId, String note, String requestId, Effect effect) {
        return decide(id, kind, staffId, true, note, requestId, effect);
    }

    public ApprovalRequest reject(long id, String kind, long staffId, String note, String requestId) {
        return decide(id, kind, staffId, false, note, requestId, null);
    }

    private ApprovalRequest decide(
            long id, String kind, long staffId, boolean approve, String note, String requestId, Effect effect) {
        return tx.execute(status -> {
            ApprovalRequest stored = lock(id, kind);
            Instant now = clock.instant();
            ApprovalRequest decided = stored.decide(staffId, approve, note, now);
            AuditNote said = null;
            if (approve && effect != null) {
                said = effect.apply(decided);
                decided = decided.applied(clock.instant());
            }
            if (!store(decided, ApprovalStatus.PENDING)) {
                throw alreadyDecided();
            }
            String action = kind + (approve ? "_APPROVED" : "_REJECTED");
            String reason = note != null ? note : stored.reason();
            if (said != null) {
                append(
                        staffId,
                        action,
                        said.targetType(),
                        said.targetId(),
                        write(said.before()),
                        write(said.after()),
                        reason,
                        requestId,
                        now);
            } else {
                append(
                        staffId,
                        action,
                        TARGET_TYPE,
                        Long.toString(id),
                        json.write(Map.of("status", stored.status().name())),
                        json.write(Map.of("status", decided.status().name())),
                        reason,
                        requestId,
                        now);
            }
            return decided;
        });
    }

    /** Sets the apply-once marker of an approved request whose change was applied after the decision. */
    public ApprovalRequest markApplied(ApprovalRequest approved) {
        return tx.execute(status -> {
            ApprovalRequest applied = approved.applied(clock.instant());
            store(applied, ApprovalStatus.APPROVED);
            return applied;
        });
    }

    /** An approved change that the service could not apply: the request fails with the reason, audited. */
    public ApprovalRequest markFailed(ApprovalRequest approved, String why, long staffId, String requestId) {
        return tx.execute(status -> {
            ApprovalRequest failed = approved.failed(why, clock.instant());
            if (store(failed, ApprovalStatus.APPROVED)) {
                append(
                        staffId,
                        approved.kind() + "_FAILED",
                        TARGET_TYPE,
                        Long.toString(approved.id()),
                        null,
                        null,
                        why,
                        requestId,
                        failed.appliedAt());
            }
            return failed;
        });
    }

    public Optional<ApprovalRequest> find(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM approval_request WHERE shard_key = 0 AND id = ?",
                        Approvals::map,
                        id)
                .stream()
                .findFirst();
    }

    /** The request of that kind, or {@code APPROVAL_NOT_FOUND}. */
    public ApprovalRequest load(long id, String kind) {
        return find(id).filter(r -> r.kind().equals(kind)).orElseThrow(Approvals::notFound);
    }

    public boolean hasPending(String kind, String target) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM approval_request WHERE shard_key = 0 AND kind = ? AND target = ?"
                                + " AND status = 'PENDING' LIMIT 1",
                        Integer.class,
                        kind,
                        target)
                .isEmpty();
    }

    /** Newest first; {@code kind} and {@code status} optional; {@code beforeId} is the cursor (exclusive). */
    public List<ApprovalRequest> list(String kind, ApprovalStatus status, Long beforeId, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM approval_request WHERE shard_key = 0");
        List<Object> args = new ArrayList<>();
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(size, 1000)));
        return jdbc.query(sql.toString(), Approvals::map, args.toArray());
    }

    public <T> T payloadOf(ApprovalRequest request, Class<T> type) {
        try {
            return json.mapper().readValue(request.payload(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable payload of approval " + request.id(), e);
        }
    }

    public static PlatformException selfApproval() {
        return new PlatformException.Forbidden(SELF_APPROVAL, "不能审批自己提交的申请,须由另一位工作人员审批");
    }

    public static PlatformException alreadyDecided() {
        return new PlatformException.Refused(ALREADY_DECIDED, "该申请已处理");
    }

    public static PlatformException notFound() {
        return new PlatformException.NotFound(NOT_FOUND, "审批申请不存在");
    }

    private ApprovalRequest lock(long id, String kind) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM approval_request WHERE shard_key = 0 AND id = ? FOR UPDATE",
                        Approvals::map,
                        id)
                .stream()
                .findFirst()
                .filter(r -> r.kind().equals(kind))
                .orElseThrow(Approvals::notFound);
    }

    private boolean store(ApprovalRequest r, ApprovalStatus expected) {
        return jdbc.update(
                        "UPDATE approval_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?,"
                                + " applied_at = ? WHERE shard_key = 0 AND id = ? AND status = ?",
                        r.status().name(),
                        r.decidedBy(),
                        ts(r.decidedAt()),
                        r.decisionNote(),
                        ts(r.appliedAt()),
                        r.id(),
                        expected.name())
                == 1;
    }

    private void append(
            long actorId,
            String action,
            String targetType,
            String targetId,
            String before,
            String after,
            String reason,
            String requestId,
            Instant at) {
        audit.append(new AuditRecord(
                ids.nextId(), actorId, action, targetType, targetId, before, after, reason, requestId, at));
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? s : json.write(value);
    }

    private static ApprovalRequest map(ResultSet rs, int row) throws SQLException {
        return new ApprovalRequest(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("target"),
                rs.getString("payload"),
                rs.getString("reason"),
                rs.getLong("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("request_id"),
                ApprovalStatus.valueOf(rs.getString("status")),
                rs.getObject("decided_by", Long.class),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_note"),
                instant(rs.getTimestamp("applied_at")));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
