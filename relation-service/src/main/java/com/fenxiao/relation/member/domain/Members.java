package com.fenxiao.relation.member.domain;

import java.time.Instant;
import java.util.Optional;

public interface Members {

    Optional<Member> byId(long id);

    Optional<Member> byOpenid(String openid);

    Optional<Member> byInviteCode(String normalisedCode);

    /** Inserts an unbound member; throws {@link DuplicateMember} when the openid or the code is taken. */
    void add(NewMember member);

    /** Records an acceptance of the promotion agreement; false when this version was accepted before. */
    boolean acceptAgreement(long id, long userId, String version, String ip, Instant at);

    boolean setStatus(long userId, MemberStatus from, MemberStatus to, Instant at);

    record NewMember(
            long id,
            String openid,
            String inviteCode,
            String nickname,
            String deviceId,
            String ip,
            String agreementVersion,
            Instant at) {}

    final class DuplicateMember extends RuntimeException {
        private final boolean openidTaken;

        public DuplicateMember(boolean openidTaken) {
            super(openidTaken ? "openid taken" : "invite code taken");
            this.openidTaken = openidTaken;
        }

        public boolean openidTaken() {
            return openidTaken;
        }
    }
}
