package com.fenxiao.commission.member.application;

import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.common.audit.AuditRecord;
import com.fenxiao.common.audit.AuditTrail;
import com.fenxiao.common.id.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff stop (or restart) a promoter earning on orders paid from now on: the engine's own switch (the
 * level is skipped), audited. Relation-service's account status is separate: a disabled account's new
 * commissions are held ({@link FollowMemberStatus}, ADR 0007).
 */
@Service
public class ChangePromoterStanding {

    private final MemberStandings standings;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public ChangePromoterStanding(MemberStandings standings, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.standings = standings;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void setDisabled(long promoterId, boolean disabled, String reason, long staffId, String requestId) {
        Instant now = clock.instant();
        standings.setDisabled(promoterId, disabled, now);
        audit.append(new AuditRecord(
                ids.nextId(),
                staffId,
                disabled ? "PROMOTER_DISABLED" : "PROMOTER_ENABLED",
                "PROMOTER",
                Long.toString(promoterId),
                null,
                "{\"disabled\":" + disabled + "}",
                reason,
                requestId,
                now));
    }
}
