package com.fenxiao.relation.risk.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.relation.v1.MemberFlagCleared;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.relation.Transactions;
import com.fenxiao.relation.chain.application.RefreshChains;
import com.fenxiao.relation.risk.domain.FlagStatus;
import com.fenxiao.relation.risk.domain.RiskFlag;
import com.fenxiao.relation.risk.domain.RiskFlags;
import com.fenxiao.relation.staff.application.RecordAudit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Staff decide an open flag: CLEARED (a false alarm: the member's commissions are no longer held for it)
 * or CONFIRMED (the abuse is real: it stays active). Audited; the member's chain is refreshed.
 */
@Service
public class ResolveFlag {

    private final RiskFlags flags;
    private final RecordAudit audit;
    private final Transactions tx;
    private final RefreshChains refresh;
    private final Clock clock;
    private final Outbox outbox;

    public ResolveFlag(
            RiskFlags flags, RecordAudit audit, Transactions tx, RefreshChains refresh, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.flags = flags;
        this.audit = audit;
        this.tx = tx;
        this.refresh = refresh;
        this.clock = clock;
    }

    public RiskFlag resolve(long staffId, long flagId, FlagStatus to, String note, String requestId) {
        if (to == FlagStatus.OPEN) {
            throw new IllegalArgumentException("a flag is resolved to CLEARED or CONFIRMED");
        }
        RiskFlag resolved = tx.inTransaction(() -> {
            Instant now = clock.instant();
            RiskFlag flag = flags.byId(flagId)
                    .orElseThrow(() -> new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "风险标记不存在"));
            if (!flags.resolve(flagId, to, staffId, note, now)) {
                throw new PlatformException.Refused("FLAG_ALREADY_RESOLVED", "该风险标记已处理");
            }
            flags.syncMember(flag.userId(), now);
            if (to == FlagStatus.CLEARED) {
                outbox.append(
                        flag.userId(),
                        new MemberFlagCleared(
                                flag.userId(), flagId, flag.reason().name(), staffId, now));
            }
            audit.record(
                    staffId,
                    to == FlagStatus.CLEARED ? "RISK_FLAG_CLEARED" : "RISK_FLAG_CONFIRMED",
                    "MEMBER",
                    flag.userId(),
                    Map.of(
                            "flagId",
                            String.valueOf(flagId),
                            "reason",
                            flag.reason().name(),
                            "status",
                            "OPEN"),
                    Map.of(
                            "flagId",
                            String.valueOf(flagId),
                            "reason",
                            flag.reason().name(),
                            "status",
                            to.name()),
                    note,
                    requestId,
                    now);
            return flags.byId(flagId).orElseThrow();
        });
        refresh.refresh(List.of(resolved.userId()));
        return resolved;
    }
}
