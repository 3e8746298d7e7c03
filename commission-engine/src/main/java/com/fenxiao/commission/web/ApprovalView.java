package com.fenxiao.commission.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fenxiao.common.approval.ApprovalRequest;
import java.time.Instant;
import java.util.List;

/** A maker-checker request as staff see it; {@code change} is the requested change itself. */
public record ApprovalView(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long id,
        String kind,
        String target,
        @JsonRawValue String change,
        String reason,
        String status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long requestedBy,
        Instant requestedAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long decidedBy,
        Instant decidedAt,
        String decisionNote,
        Instant appliedAt) {

    public static ApprovalView of(ApprovalRequest r) {
        return new ApprovalView(
                r.id(),
                r.kind(),
                r.target(),
                r.payload(),
                r.reason(),
                r.status().name(),
                r.requestedBy(),
                r.requestedAt(),
                r.decidedBy(),
                r.decidedAt(),
                r.decisionNote(),
                r.appliedAt());
    }

    public record Page(List<ApprovalView> items, String nextCursor) {
        public static Page of(List<ApprovalRequest> rows, int size) {
            List<ApprovalRequest> page = rows.size() > size ? rows.subList(0, size) : rows;
            String next = rows.size() > size ? Long.toString(page.get(size - 1).id()) : null;
            return new Page(page.stream().map(ApprovalView::of).toList(), next);
        }
    }
}
