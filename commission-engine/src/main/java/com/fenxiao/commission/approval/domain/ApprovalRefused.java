package com.fenxiao.commission.approval.domain;

/** A maker-checker step the rules refuse; {@code code} is the stable problem code. */
public class ApprovalRefused extends RuntimeException {

    public static final String SELF_APPROVAL = "SELF_APPROVAL";
    public static final String ALREADY_DECIDED = "APPROVAL_ALREADY_DECIDED";

    private final String code;

    public ApprovalRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
