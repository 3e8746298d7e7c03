package com.fenxiao.relation.staff.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.relation.domain.RelationHistory;
import com.fenxiao.relation.staff.domain.ApprovalRequest;
import com.fenxiao.relation.staff.domain.AuditLog;
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
                    Long.toString(r.targetUserId()),
                    r.reason(),
                    Long.toString(r.requesterId()),
                    StaffViews.str(r.approverId()),
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

        static AuditView of(AuditLog.Stored s) {
            return new AuditView(
                    Long.toString(s.entry().id()),
                    Long.toString(s.entry().actorId()),
                    s.entry().action(),
                    s.entry().targetType(),
                    s.entry().targetId(),
                    s.entry().before(),
                    s.entry().after(),
                    s.entry().reason(),
                    s.entry().requestId(),
                    s.entry().occurredAt(),
                    s.hash());
        }
    }

    record ListView<T>(List<T> items, String nextCursor) {}

    static String str(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
