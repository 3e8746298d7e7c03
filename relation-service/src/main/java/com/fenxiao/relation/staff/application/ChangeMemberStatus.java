package com.fenxiao.relation.staff.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.relation.v1.MemberDisabled;
import com.fenxiao.common.event.relation.v1.MemberEnabled;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.member.domain.MemberStatus;
import com.fenxiao.relation.member.domain.Members;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Staff disable or re-enable a member; a disabled member's code binds nobody and its chain says so. The
 * change is announced (MEMBER_DISABLED / MEMBER_ENABLED) through the outbox in the same transaction, so
 * commission-engine holds what a disabled member would earn and restores earning once enabled.
 */
@Service
public class ChangeMemberStatus {

    private final Members members;
    private final RecordAudit audit;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;
    private final Outbox outbox;

    public ChangeMemberStatus(
            Members members, RecordAudit audit, Transactions tx, RefreshChains refresh, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.members = members;
        this.audit = audit;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void change(long staffId, long userId, MemberStatus to, String reason, String requestId) {
        MemberStatus from = to == MemberStatus.ACTIVE ? MemberStatus.DISABLED : MemberStatus.ACTIVE;
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            members.byId(userId).orElseThrow(StaffRefusals::memberNotFound);
            if (!members.setStatus(userId, from, to, now)) {
                throw new PlatformException.Refused("MEMBER_STATUS_UNCHANGED", "会员状态已是 " + to.name());
            }
            outbox.append(
                    userId,
                    to == MemberStatus.DISABLED
                            ? new MemberDisabled(userId, reason, staffId, now)
                            : new MemberEnabled(userId, reason, staffId, now));
            audit.record(
                    staffId,
                    to == MemberStatus.DISABLED ? "MEMBER_DISABLED" : "MEMBER_ENABLED",
                    "MEMBER",
                    userId,
                    Map.of("status", from.name()),
                    Map.of("status", to.name()),
                    reason,
                    requestId,
                    now);
            return null;
        });
        refresh.refresh(List.of(userId));
    }
}
