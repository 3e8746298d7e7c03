package com.fenxiao.relation.member.domain;

import java.time.Instant;
import java.util.List;

/**
 * A registered user; every member is a promoter. Holds its own two-level chain: the inviter (level 1)
 * and the inviter's inviter (level 2), stored so no look-up recurses.
 */
public record Member(
        long id,
        String openid,
        String inviteCode,
        String nickname,
        MemberStatus status,
        Long inviterId,
        Long inviterL2Id,
        Instant boundAt,
        String bindChannel,
        boolean selfUnbindUsed,
        List<String> riskFlags,
        String deviceId,
        String registerIp,
        Instant createdAt) {

    public Member {
        riskFlags = List.copyOf(riskFlags);
    }

    public boolean bound() {
        return inviterId != null;
    }
}
