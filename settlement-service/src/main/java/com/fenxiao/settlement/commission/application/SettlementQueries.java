package com.fenxiao.settlement.commission.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.settlement.commission.domain.SettledCommission;
import com.fenxiao.settlement.commission.domain.SettledCommissions;
import com.fenxiao.settlement.commission.domain.SettlementRefused;
import java.util.List;
import org.springframework.stereotype.Service;

/** Staff reads of settlement's commission rows. */
@Service
public class SettlementQueries {

    private final SettledCommissions commissions;

    public SettlementQueries(SettledCommissions commissions) {
        this.commissions = commissions;
    }

    public SettledCommission find(long id) {
        return commissions
                .find(id)
                .orElseThrow(() -> new PlatformException.NotFound(SettlementRefused.NOT_FOUND, "佣金记录不存在"));
    }

    public List<SettledCommission> held(Long afterId, int limit) {
        return commissions.held(afterId, limit);
    }
}
