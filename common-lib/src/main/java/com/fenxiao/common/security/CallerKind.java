package com.fenxiao.common.security;

public enum CallerKind {
    MEMBER,
    STAFF
}
