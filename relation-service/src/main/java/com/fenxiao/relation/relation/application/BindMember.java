package com.fenxiao.relation.relation.application;

import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.member.domain.Member;
import com.fenxiao.relation.member.domain.Members;
import com.fenxiao.relation.relation.domain.BindChannel;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * A member without an inviter enters a code (POST /api/v1/me/relation/bind), or an existing member
 * opens someone's link. A refusal is recorded and announced, then reported as a problem.
 */
@Service
public class BindMember {

    private final Binder binder;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;
    private final Members members;

    public BindMember(Binder binder, Transactions tx, RefreshChains refresh, Clock clock, Members members) {
        this.binder = binder;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
        this.members = members;
    }

    /** Binds or records the refusal; the caller decides whether a refusal is a problem. */
    public Binder.Result attempt(long userId, String inviteCode, BindChannel channel, String deviceId, String ip) {
        String nickname = members.byId(userId).map(Member::nickname).orElse(null);
        Binder.Result result = tx.inTransaction(() -> binder.attempt(
                new Binder.Attempt(userId, inviteCode, channel, deviceId, ip, false, nickname), clock.instant()));
        refresh.refresh(result.changed());
        return result;
    }

    /** Binds, or throws the refusal as a problem (after recording it). */
    public long bind(long userId, String inviteCode, BindChannel channel, String ip) {
        Binder.Result result = attempt(userId, inviteCode, channel, null, ip);
        if (result.refusal().isPresent()) {
            throw RelationRefusals.of(result.refusal().get());
        }
        return result.inviterId().orElseThrow();
    }
}
