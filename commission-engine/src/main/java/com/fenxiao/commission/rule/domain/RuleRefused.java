package com.fenxiao.commission.rule.domain;

/** A rule change that cannot be accepted as asked; {@code code} is the stable problem code. */
public class RuleRefused extends RuntimeException {

    private final String code;

    public RuleRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
