package com.fenxiao.commission.member.application;

import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.common.inbox.ProcessedEvents;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows relation-service's MEMBER_FLAG_CLEARED: orders paid afterwards are no longer held for that
 * reason. Commissions already held stay held: only staff release them (settlement-service), never this.
 */
@Service
public class ClearMemberFlag {

    static final String CONSUMER = "member-flag-cleared";

    private final MemberStandings standings;
    private final ProcessedEvents processed;

    public ClearMemberFlag(MemberStandings standings, ProcessedEvents processed) {
        this.standings = standings;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, long userId, String reason, Instant clearedAt) {
        if (processed.markFirstDelivery(CONSUMER, eventId, userId)) {
            standings.clearFlag(userId, reason == null ? "FLAGGED" : reason, clearedAt);
        }
    }
}
