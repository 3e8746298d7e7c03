package com.fenxiao.relation.promoter.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoterView(
        String userId,
        String inviteCode,
        String inviteLink,
        String qrCodeUrl,
        String miniProgramCodeUrl,
        Inviter inviter,
        Instant boundAt,
        Instant coolingOffEndsAt,
        long level1Count,
        long level2Count) {

    public record Inviter(String userId, String nickname) {}
}
