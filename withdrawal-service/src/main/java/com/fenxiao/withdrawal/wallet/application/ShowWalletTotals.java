package com.fenxiao.withdrawal.wallet.application;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.withdrawal.wallet.domain.Wallets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * For settlement's ledger invariant (SPEC §8): what each promoter's wallet was credited by settlement,
 * net of reversals, to compare with settlement's own released-minus-reversed figure.
 */
@Service
public class ShowWalletTotals {

    public static final int MAX_PROMOTERS = 200;

    private final Wallets wallets;

    public ShowWalletTotals(Wallets wallets) {
        this.wallets = wallets;
    }

    public Map<Long, Long> creditedFen(List<Long> promoterIds) {
        LinkedHashSet<Long> ids = new LinkedHashSet<>(promoterIds);
        if (ids.isEmpty() || ids.size() > MAX_PROMOTERS) {
            throw new PlatformException.InvalidRequest(
                    ErrorCodes.INVALID_PARAMETER, "promoterIds 须包含 1 到 " + MAX_PROMOTERS + " 个推广员编号");
        }
        return wallets.creditedFen(ids);
    }
}
