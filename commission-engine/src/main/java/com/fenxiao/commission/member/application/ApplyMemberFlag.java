package com.fenxiao.commission.member.application;

import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.common.inbox.ProcessedEvents;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows relation-service's MEMBER_FLAGGED: commissions of orders paid afterwards are held. */
@Service
public class ApplyMemberFlag {

    static final String CONSUMER = "member-flag";

    private final MemberStandings standings;
    private final ProcessedEvents processed;

    public ApplyMemberFlag(MemberStandings standings, ProcessedEvents processed) {
        this.standings = standings;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, long userId, String reason, Instant flaggedAt) {
        if (processed.markFirstDelivery(CONSUMER, eventId, userId)) {
            standings.flag(userId, reason == null ? "FLAGGED" : reason, flaggedAt);
        }
    }
}
