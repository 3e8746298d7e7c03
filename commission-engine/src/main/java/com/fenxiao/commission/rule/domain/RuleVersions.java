package com.fenxiao.commission.rule.domain;

import java.util.List;

/** Every approved rule version; small, read whole into a {@link RuleBook}. */
public interface RuleVersions {

    List<RuleVersion> all();

    /** The highest version id stored (0 when none): tells a cached book whether it is current. */
    long latestId();

    void add(RuleVersion version);
}
