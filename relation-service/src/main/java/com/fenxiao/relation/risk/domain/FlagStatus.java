package com.fenxiao.relation.risk.domain;

/** OPEN and CONFIRMED flags are active (they hold commissions); CLEARED ones are not. */
public enum FlagStatus {
    OPEN,
    CLEARED,
    CONFIRMED;

    public boolean active() {
        return this != CLEARED;
    }
}
