package com.fenxiao.relation.chain.adapter.persistence;

import com.fenxiao.relation.chain.domain.ChainNode;
import com.fenxiao.relation.chain.domain.ChainNodes;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChainNodes implements ChainNodes {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcChainNodes(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public Map<Long, ChainNode> load(Collection<Long> userIds) {
        Map<Long, ChainNode> nodes = new HashMap<>();
        if (userIds.isEmpty()) {
            return nodes;
        }
        jdbc.query(
                "SELECT id, inviter_id, inviter_l2_id, status, risk_flags, version FROM member WHERE id IN (:ids)",
                Map.of("ids", List.copyOf(userIds)),
                rs -> {
                    String flags = rs.getString(5);
                    ChainNode node = new ChainNode(
                            rs.getLong(1),
                            rs.getObject(2, Long.class),
                            rs.getObject(3, Long.class),
                            rs.getString(4),
                            flags == null || flags.isBlank() ? List.of() : Arrays.asList(flags.split(",")),
                            rs.getLong(6));
                    nodes.put(node.userId(), node);
                });
        return nodes;
    }
}
