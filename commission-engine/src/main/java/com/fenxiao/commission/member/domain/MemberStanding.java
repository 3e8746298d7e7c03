package com.fenxiao.commission.member.domain;

/**
 * What the engine knows locally about a member that changes how their commissions are treated:
 * a risk flag (relation-service's MEMBER_FLAGGED) holds commissions where they are buyer or earner;
 * a disabled promoter earns nothing on orders paid while disabled.
 */
public record MemberStanding(long userId, boolean flagged, String flagReasons, boolean disabled) {

    public static MemberStanding clear(long userId) {
        return new MemberStanding(userId, false, null, false);
    }
}
