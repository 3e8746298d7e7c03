package com.fenxiao.withdrawal.request.domain;

import java.util.Optional;

/** Finds the maker-checker approval request (common-lib {@code approval_request}) about one target. */
public interface ApprovalLookup {

    /** The id of the newest request of that kind about the target, whatever its status. */
    Optional<Long> latestFor(String kind, String target);
}
