package com.fenxiao.relation.chain.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.chain.application.LookUpChains;
import com.fenxiao.relation.chain.domain.Chain;
import com.fenxiao.relation.chain.domain.ChainNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/chains?userIds=1,2,3}: service-to-service only. The gateway routes no
 * {@code /internal/**} path; in production the port is reachable only from inside the cluster.
 */
@RestController
class InternalChainController {

    private final LookUpChains chains;
    private final int max;

    InternalChainController(LookUpChains chains, RelationProperties props) {
        this.chains = chains;
        this.max = props.getChainLookupMax();
    }

    @GetMapping("/internal/v1/chains")
    ChainsView chains(@RequestParam String userIds) {
        List<Long> ids = new ArrayList<>();
        for (String part : userIds.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "userIds 须为逗号分隔的数字");
            }
        }
        if (ids.isEmpty() || ids.size() > max) {
            throw new PlatformException.InvalidRequest(
                    ErrorCodes.INVALID_PARAMETER, "userIds 须包含 1 到 " + max + " 个会员编号");
        }
        return new ChainsView(
                chains.of(ids).stream().map(InternalChainController::view).toList());
    }

    private static ChainsView.Item view(Chain c) {
        if (c.buyer() == null) {
            return new ChainsView.Item(Long.toString(c.userId()), false, null, List.of(), null, null);
        }
        return new ChainsView.Item(
                Long.toString(c.userId()),
                true,
                c.buyer().status(),
                c.buyer().flags(),
                promoter(c.buyer().inviterId(), c.level1()),
                promoter(c.buyer().inviterL2Id(), c.level2()));
    }

    private static ChainsView.Promoter promoter(Long id, ChainNode node) {
        if (id == null) {
            return null;
        }
        if (node == null) {
            return new ChainsView.Promoter(Long.toString(id), "UNKNOWN", List.of());
        }
        return new ChainsView.Promoter(Long.toString(id), node.status(), node.flags());
    }
}
