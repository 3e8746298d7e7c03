package com.fenxiao.relation.risk.application;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.risk.domain.FlagReason;
import com.fenxiao.relation.risk.domain.SlidingWindows;
import com.fenxiao.relation.risk.domain.Thresholds;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * At most K successful bindings to one inviter per window (Redis, shared by all instances). The slot is
 * taken inside the binding's transaction and given back if that transaction rolls back; a refusal
 * flags the inviter.
 */
@Service
public class InviterRateLimit {

    private final SlidingWindows windows;
    private final Thresholds thresholds;
    private final FlagMember flagMember;
    private final String prefix;

    public InviterRateLimit(
            SlidingWindows windows, Thresholds thresholds, FlagMember flagMember, RelationProperties props) {
        this.windows = windows;
        this.thresholds = thresholds;
        this.flagMember = flagMember;
        this.prefix = props.getCache().getKeyPrefix();
    }

    /** True when the binding may go ahead; false when refused (and the inviter is flagged). */
    public boolean tryAcquire(long inviterId, long userId, Instant now) {
        String key = prefix + "bind:inviter:" + inviterId;
        String entry = Long.toString(userId);
        if (windows.tryAcquire(key, entry, thresholds.inviterBindings(), now, thresholds.inviterWindow())) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_ROLLED_BACK) {
                            windows.release(key, entry);
                        }
                    }
                });
            }
            return true;
        }
        flagMember.flag(
                inviterId,
                FlagReason.INVITER_RATE_LIMIT,
                "more than " + thresholds.inviterBindings() + " bindings within " + thresholds.inviterWindow(),
                now);
        return false;
    }

    /** Gives a slot back when the binding that took it did not happen after all (a lost race). */
    public void release(long inviterId, long userId) {
        windows.release(prefix + "bind:inviter:" + inviterId, Long.toString(userId));
    }
}
