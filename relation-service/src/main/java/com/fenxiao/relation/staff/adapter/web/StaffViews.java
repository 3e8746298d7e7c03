package com.fenxiao.relation.staff.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fenxiao.common.approval.ApprovalRequest;
import com.fenxiao.common.audit.AuditEntry;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.relation.domain.RelationHistory;
import java.time.Instant;
import java.util.List;

/** Staff-facing views: full nicknames (staff may see them), ids as strings. */
final class StaffViews {

    private StaffViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberView(
            String userId,
            String nickname,
            String inviteCode,
            String status,
            List<String> riskFlags,
            String deviceId,
            String registerIp,
            Instant createdAt,
            Instant boundAt,
            String bindChannel,
            Upline inviter,
            Upline inviterL2,
            long level1Count,
            long level2Count) {}

    record Upline(String userId, String nickname, String status) {
        static Upline of(Member m) {
            return new Upline(Long.toString(m.id()), m.nickname(), m.status().name());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryView(
            String id,
            String action,
            String inviterId,
            String inviterL2Id,
            String inviteCode,
            String channel,
            String reason,
            String deviceId,
            String ip,
            String operatorId,
            String approvalId,
            Instant occurredAt) {

        static HistoryView of(RelationHistory.Entry e) {
            return new HistoryView(
                    Long.toString(e.id()),
                    e.action().name(),
                    StaffViews.str(e.inviterId()),
                    StaffViews.str(e.inviterL2Id()),
                    e.inviteCode(),
                    e.channel(),
                    e.reason(),
                    e.deviceId(),
                    e.ip(),
                    StaffViews.str(e.operatorId()),
                    StaffViews.str(e.approvalId()),
                    e.occurredAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApprovalView(
            String id,
            String kind,
            String targetUserId,
            String reason,
            String requesterId,
            String approverId,
            String status,
            Instant requestedAt,
            Instant decidedAt,
            String decisionNote) {

        static ApprovalView of(ApprovalRequest r) {
            return new ApprovalView(
                    Long.toString(r.id()),
                    r.kind(),
                    r.target(),
                    r.reason(),
                    Long.toString(r.requestedBy()),
                    StaffViews.str(r.decidedBy()),
                    r.status().name(),
                    r.requestedAt(),
                    r.decidedAt(),
                    r.decisionNote());
        }
    }

    record AuditView(
            String id,
            String actorId,
            String action,
            String targetType,
            String targetId,
            String before,
            String after,
            String reason,
            String requestId,
            Instant occurredAt,
            String hash) {

        static AuditView of(AuditEntry s) {
            return new AuditView(
                    Long.toString(s.record().id()),
                    Long.toString(s.record().actorId()),
                    s.record().action(),
                    s.record().targetType(),
                    s.record().targetId(),
                    s.record().before(),
                    s.record().after(),
                    s.record().reason(),
                    s.record().requestId(),
                    s.record().at(),
                    s.hash());
        }
    }

    record ListView<T>(List<T> items, String nextCursor) {}

    static String str(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
