package com.fenxiao.commission.member.domain;

/**
 * What the engine knows locally about a member that changes how their commissions are treated:
 * a risk flag (relation-service's MEMBER_FLAGGED, until MEMBER_FLAG_CLEARED) holds commissions where they
 * are buyer or earner; a promoter stopped by the engine's own standing switch ({@code disabled}) earns
 * nothing on orders paid while stopped; a member whose account relation-service disabled
 * ({@code accountDisabled}, MEMBER_DISABLED until MEMBER_ENABLED) has what they earn held
 * ({@code EARNER_DISABLED}) for staff to decide.
 */
public record MemberStanding(
        long userId, boolean flagged, String flagReasons, boolean disabled, boolean accountDisabled) {

    /** A standing without an account status from relation-service (the account is active). */
    public MemberStanding(long userId, boolean flagged, String flagReasons, boolean disabled) {
        this(userId, flagged, flagReasons, disabled, false);
    }

    public static MemberStanding clear(long userId) {
        return new MemberStanding(userId, false, null, false, false);
    }
}
