package com.fenxiao.relation.risk.application;

import com.fenxiao.common.event.relation.v1.MemberFlagged;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.relation.risk.domain.FlagReason;
import com.fenxiao.relation.risk.domain.FlagStatus;
import com.fenxiao.relation.risk.domain.RiskFlag;
import com.fenxiao.relation.risk.domain.RiskFlags;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Flags a member, inside the caller's transaction: the flag row, the member's active flags and the
 * MemberFlagged event commit together. A reason that is already open for the member is not repeated.
 */
@Service
public class FlagMember {

    private static final Logger log = LoggerFactory.getLogger(FlagMember.class);

    private final RiskFlags flags;
    private final Outbox outbox;
    private final IdGenerator ids;

    public FlagMember(RiskFlags flags, Outbox outbox, IdGenerator ids) {
        this.flags = flags;
        this.outbox = outbox;
        this.ids = ids;
    }

    /** True when a new flag was raised (the member's chain node changed). */
    public boolean flag(long userId, FlagReason reason, String detail, Instant now) {
        if (flags.hasOpen(userId, reason)) {
            return false;
        }
        flags.add(new RiskFlag(ids.nextId(), userId, reason, detail, FlagStatus.OPEN, now, null, null, null));
        flags.syncMember(userId, now);
        outbox.append(userId, new MemberFlagged(userId, reason.name(), now));
        log.info("member {} flagged {}: {}", userId, reason, detail);
        return true;
    }
}
