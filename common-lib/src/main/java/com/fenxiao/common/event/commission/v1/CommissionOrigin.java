package com.fenxiao.common.event.commission.v1;

/**
 * Which service decided a commission change. commission-engine owns amounts (payment, refunds, manual
 * adjustments); settlement-service owns what happens once the after-sales window closes (release,
 * operator decisions on held commissions, reversals of refunds it learned of after release, withdrawn
 * marking). An absent origin in an older message means the engine.
 */
public final class CommissionOrigin {

    public static final String ENGINE = "ENGINE";
    public static final String SETTLEMENT = "SETTLEMENT";

    private CommissionOrigin() {}

    public static boolean fromSettlement(String origin) {
        return SETTLEMENT.equals(origin);
    }
}
