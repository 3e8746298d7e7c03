package com.fenxiao.settlement.commission.domain;

/** A decision the rules refuse; the code is the stable problem code. */
public class SettlementRefused extends RuntimeException {

    public static final String NOT_HELD = "COMMISSION_NOT_HELD";
    public static final String NOT_FOUND = "COMMISSION_NOT_FOUND";

    private final String code;

    public SettlementRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
