package com.fenxiao.withdrawal.wallet.adapter.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.wallet.application.ShowWalletTotals;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/wallet-totals?promoterIds=1,2,3}: service-to-service only (settlement's
 * invariant check). Like relation-service's {@code /internal/v1/chains} it needs no token: the gateway
 * routes no {@code /internal/**} path, and in production the port is reachable only inside the cluster.
 */
@RestController
class InternalWalletTotalsController {

    private final ShowWalletTotals totals;

    InternalWalletTotalsController(ShowWalletTotals totals) {
        this.totals = totals;
    }

    @GetMapping("/internal/v1/wallet-totals")
    List<WalletTotalView> totals(@RequestParam(required = false) String promoterIds) {
        List<Long> ids = new ArrayList<>();
        if (promoterIds != null) {
            for (String part : promoterIds.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "promoterIds 须为逗号分隔的数字");
                }
            }
        }
        List<WalletTotalView> out = new ArrayList<>();
        totals.creditedFen(ids).forEach((id, fen) -> out.add(new WalletTotalView(Long.toString(id), fen)));
        return out;
    }

    /** The promoter id as a string (ids exceed JavaScript's exact integers), the amount in fen. */
    record WalletTotalView(String promoterId, long creditedFen) {}
}
