package com.fenxiao.relation.member.domain;

public enum MemberStatus {
    ACTIVE,
    DISABLED
}
