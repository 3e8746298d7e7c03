package com.fenxiao.commission.rule.application;

import com.fenxiao.commission.CommissionProperties;
import com.fenxiao.commission.rule.domain.RateCaps;
import com.fenxiao.commission.rule.domain.RuleBook;
import com.fenxiao.commission.rule.domain.RuleVersions;
import org.springframework.stereotype.Service;

/**
 * The rule book the order path computes with. One cheap look-up per batch ({@code MAX(id)}) tells
 * whether another instance approved a version since; only then is the (small) table read again, so
 * every instance computes an order paid after a change with that change.
 */
@Service
public class CurrentRules {

    private final RuleVersions versions;
    private final CommissionProperties props;
    private volatile RuleBook book;

    public CurrentRules(RuleVersions versions, CommissionProperties props) {
        this.versions = versions;
        this.props = props;
    }

    public RateCaps caps() {
        return new RateCaps(props.getCaps().getLevel1MaxBp(), props.getCaps().getLevel2MaxBp());
    }

    public RuleBook book() {
        RuleBook current = book;
        long latest = versions.latestId();
        if (current == null || current.version() != latest) {
            current = new RuleBook(
                    props.getDefaultRates().getLevel1Bp(),
                    props.getDefaultRates().getLevel2Bp(),
                    props.isLevel2Enabled(),
                    caps(),
                    versions.all());
            book = current;
        }
        return current;
    }
}
