package com.fenxiao.commission.record.application;

import com.fenxiao.commission.record.domain.Commission;
import com.fenxiao.commission.record.domain.Commissions;
import com.fenxiao.common.error.PlatformException;
import org.springframework.stereotype.Service;

/** Staff look-up of one record by id (a fan-out over every table: staff tools only). */
@Service
public class FindCommission {

    private final Commissions commissions;

    public FindCommission(Commissions commissions) {
        this.commissions = commissions;
    }

    public Commission byId(long id) {
        return commissions
                .findAnywhere(id)
                .orElseThrow(() -> new PlatformException.NotFound("COMMISSION_NOT_FOUND", "佣金记录不存在"));
    }
}
