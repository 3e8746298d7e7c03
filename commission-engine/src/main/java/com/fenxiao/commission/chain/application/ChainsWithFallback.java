package com.fenxiao.commission.chain.application;

import com.fenxiao.commission.chain.domain.Chain;
import com.fenxiao.commission.chain.domain.ChainSource;
import com.fenxiao.commission.chain.domain.Chains;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The engine's chains, with a miss looked up at relation-service and kept (as of the epoch, so any
 * relation event stored later wins). If relation-service cannot answer the look-up fails, and with it
 * the batch, which the broker redelivers: an order is never computed without knowing its chain.
 */
@Primary
@Component
public class ChainsWithFallback implements Chains {

    private final Chains stored;
    private final ChainSource source;

    public ChainsWithFallback(@Qualifier("jdbcChains") Chains stored, ChainSource source) {
        this.stored = stored;
        this.source = source;
    }

    @Override
    public Optional<Chain> of(long userId) {
        return Optional.ofNullable(ofAll(Set.of(userId)).get(userId));
    }

    @Override
    public Map<Long, Chain> ofAll(Collection<Long> userIds) {
        Map<Long, Chain> found = new HashMap<>(stored.ofAll(userIds));
        if (!source.available() || found.size() == new LinkedHashSet<>(userIds).size()) {
            return found;
        }
        Set<Long> missing = new LinkedHashSet<>(userIds);
        missing.removeAll(found.keySet());
        for (Chain chain : source.lookUp(missing).values()) {
            stored.putIfNewer(chain);
            found.put(chain.userId(), chain);
        }
        return found;
    }

    @Override
    public boolean putIfNewer(Chain chain) {
        return stored.putIfNewer(chain);
    }
}
