package com.fenxiao.relation.chain.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fenxiao.relation.chain.domain.ChainNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainEncodingTest {

    @Test
    void a_node_survives_the_round_trip_through_its_cache_string() {
        ChainNode full = new ChainNode(42, 7L, 3L, "ACTIVE", List.of("DEVICE_FLOOD", "IP_FLOOD"), 12);
        assertThat(RedissonChainCache.encode(full)).isEqualTo("12|7|3|ACTIVE|DEVICE_FLOOD,IP_FLOOD");
        assertThat(RedissonChainCache.decode(42, RedissonChainCache.encode(full)))
                .isEqualTo(full);
        ChainNode unbound = new ChainNode(42, null, null, "DISABLED", List.of(), 0);
        assertThat(RedissonChainCache.decode(42, RedissonChainCache.encode(unbound)))
                .isEqualTo(unbound);
    }
}
