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
        long level2Count,
        Agreement agreement) {

    /** The member against the agreement in force; {@code reacceptRequired}: accept {@code currentVersion}. */
    public record Agreement(String acceptedVersion, String currentVersion, boolean reacceptRequired) {}

    public record Inviter(String userId, String nickname) {}
}
