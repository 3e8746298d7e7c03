package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.inbox.ProcessedEvents;
import com.fenxiao.withdrawal.request.domain.MemberFlags;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** relation-service's MEMBER_FLAGGED / MEMBER_FLAG_CLEARED: flagged members' withdrawals go to review. */
@Service
public class FollowMemberFlags {

    static final String CONSUMER = "withdrawal-member-flags";

    private final MemberFlags flags;
    private final ProcessedEvents processed;

    public FollowMemberFlags(MemberFlags flags, ProcessedEvents processed) {
        this.flags = flags;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, long userId, String reason, boolean flagged, Instant at) {
        if (processed.markFirstDelivery(CONSUMER, eventId, userId)) {
            String r = reason == null || reason.isBlank() ? "FLAGGED" : reason;
            if (flagged) {
                flags.flag(userId, r.length() > 64 ? r.substring(0, 64) : r, at);
            } else {
                flags.clear(userId, r.length() > 64 ? r.substring(0, 64) : r);
            }
        }
    }
}
