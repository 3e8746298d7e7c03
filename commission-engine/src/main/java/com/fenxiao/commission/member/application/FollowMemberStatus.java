package com.fenxiao.commission.member.application;

import com.fenxiao.commission.member.domain.MemberStandings;
import com.fenxiao.common.inbox.ProcessedEvents;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows relation-service's MEMBER_DISABLED / MEMBER_ENABLED: while a member's account is disabled, the
 * commissions they earn on orders paid are held with reason EARNER_DISABLED; once enabled, orders paid
 * afterwards earn as usual. Already held commissions are left to staff (settlement-service).
 */
@Service
public class FollowMemberStatus {

    static final String CONSUMER = "member-status";

    private static final Logger log = LoggerFactory.getLogger(FollowMemberStatus.class);

    private final MemberStandings standings;
    private final ProcessedEvents processed;

    public FollowMemberStatus(MemberStandings standings, ProcessedEvents processed) {
        this.standings = standings;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, long userId, boolean disabled, Instant at) {
        if (processed.markFirstDelivery(CONSUMER, eventId, userId)
                && !standings.setAccountDisabled(userId, disabled, at)) {
            log.info(
                    "member {} {} at {} ignored: a newer status change is already recorded",
                    userId,
                    disabled ? "disabled" : "enabled",
                    at);
        }
    }
}
