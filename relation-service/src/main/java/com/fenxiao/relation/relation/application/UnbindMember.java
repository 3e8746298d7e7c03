package com.fenxiao.relation.relation.application;

import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.relation.domain.CoolingOff;
import com.fenxiao.relation.relation.domain.Relations;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The member undoes their own binding, once, inside the cooling-off period. */
@Service
public class UnbindMember {

    private final Relations relations;
    private final Unbinder unbinder;
    private final CoolingOff coolingOff;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;

    public UnbindMember(
            Relations relations,
            Unbinder unbinder,
            CoolingOff coolingOff,
            Transactions tx,
            RefreshChains refresh,
            Clock clock) {
        this.relations = relations;
        this.unbinder = unbinder;
        this.coolingOff = coolingOff;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void unbind(long userId) {
        Set<Long> changed = tx.inTransaction(() -> {
            Instant now = clock.instant();
            Relations.Bound member = relations
                    .lockMember(userId)
                    .orElseThrow(() -> new com.fenxiao.common.error.PlatformException.NotFound(
                            "MEMBER_NOT_FOUND", "会员不存在,请先登录注册"));
            coolingOff
                    .refuseSelfUnbind(member.inviterId(), member.boundAt(), member.selfUnbindUsed(), now)
                    .ifPresent(refusal -> {
                        throw RelationRefusals.of(refusal);
                    });
            return unbinder.unbind(member, true, null, null, "SELF_COOLING_OFF", now);
        });
        refresh.refresh(changed);
    }
}
