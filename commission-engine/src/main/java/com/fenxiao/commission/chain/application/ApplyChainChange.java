package com.fenxiao.commission.chain.application;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.Chains;
import com.fenxiao.common.inbox.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the buyer chains this engine reads in step with relation-service's announcements. */
@Service
public class ApplyChainChange {

    static final String CONSUMER = "chain-change";

    private final Chains chains;
    private final ProcessedEvents processed;

    public ApplyChainChange(Chains chains, ProcessedEvents processed) {
        this.chains = chains;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, Chain chain) {
        if (processed.markFirstDelivery(CONSUMER, eventId, chain.userId())) {
            chains.putIfNewer(chain);
        }
    }
}
