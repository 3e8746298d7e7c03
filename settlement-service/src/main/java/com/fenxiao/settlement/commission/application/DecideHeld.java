package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.event.commission.v1.CommissionCancelled;
import com.fenxiao.common.event.commission.v1.CommissionOrigin;
import com.fenxiao.common.event.commission.v1.CommissionSettled;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.settlement.commission.domain.Lifecycle;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import com.fenxiao.settlement.commission.domain.SettlementRefused;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's decision on a held commission (SPEC §5): release it to the wallet (its window must have
 * closed) or cancel it. The change, its event and the audit entry are one transaction.
 */
@Service
public class DecideHeld {

    private final SettledCommissions commissions;
    private final CommissionTotals totals;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DecideHeld(
            SettledCommissions commissions,
            CommissionTotals totals,
            Outbox outbox,
            AuditTrail audit,
            IdGenerator ids,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.commissions = commissions;
        this.totals = totals;
        this.outbox = outbox;
        this.audit = audit;
        this.ids = ids;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public SettledCommission release(long commissionId, long staffId, String reason, String requestId) {
        return decide(commissionId, staffId, reason, requestId, true);
    }

    public SettledCommission cancel(long commissionId, long staffId, String reason, String requestId) {
        return decide(commissionId, staffId, reason, requestId, false);
    }

    private SettledCommission decide(
            long commissionId, long staffId, String reason, String requestId, boolean release) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "请填写原因(不超过 500 字)");
        }
        SettledCommission found = commissions
                .find(commissionId)
                .orElseThrow(() -> new PlatformException.NotFound(SettlementRefused.NOT_FOUND, "佣金记录不存在"));
        try {
            return tx.execute(status -> {
                SettledCommission before =
                        commissions.lock(found.promoterId(), commissionId).orElseThrow();
                Instant now = clock.instant();
                SettledCommission after = release
                        ? Lifecycle.releaseHeld(before, staffId, now)
                        : Lifecycle.cancelHeld(before, staffId, now);
                commissions.save(after);
                totals.move(before, after);
                if (release) {
                    outbox.appendAll(List.of(new Outbox.Pending(
                            after.promoterId(),
                            new CommissionSettled(
                                    after.id(),
                                    after.orderId(),
                                    after.promoterId(),
                                    after.settledFen(),
                                    false,
                                    now,
                                    after.completedAt(),
                                    after.dueAtMs() == null ? null : Instant.ofEpochMilli(after.dueAtMs())),
                            "settled-" + after.id())));
                } else {
                    outbox.appendAll(List.of(new Outbox.Pending(
                            after.promoterId(),
                            new CommissionCancelled(
                                    after.id(),
                                    after.orderId(),
                                    after.promoterId(),
                                    before.amountFen(),
                                    "cancelled by operator: " + reason,
                                    now,
                                    null,
                                    null,
                                    CommissionOrigin.SETTLEMENT),
                            "settlement-cancelled-" + after.id())));
                }
                audit.append(new AuditRecord(
                        ids.nextId(),
                        staffId,
                        release ? "HELD_COMMISSION_RELEASED" : "HELD_COMMISSION_CANCELLED",
                        "COMMISSION",
                        Long.toString(commissionId),
                        describe(before),
                        describe(after),
                        reason,
                        requestId,
                        now));
                return after;
            });
        } catch (SettlementRefused e) {
            throw new PlatformException.Refused(e.code(), "该佣金未被冻结或已处理,不能执行此操作");
        }
    }

    private static String describe(SettledCommission c) {
        return "{\"status\":\"" + c.status() + "\",\"held\":" + c.held() + ",\"amountFen\":" + c.amountFen() + "}";
    }
}
