package com.fenxiao.commission.record.domain;

/** A request about a commission that its state refuses; {@code code} is the stable problem code. */
public class CommissionRefused extends RuntimeException {

    private final String code;

    public CommissionRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
