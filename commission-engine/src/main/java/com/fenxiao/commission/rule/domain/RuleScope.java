package com.fenxiao.commission.rule.domain;

/** What a rule version applies to: the global defaults, one product, or one category. */
public enum RuleScope {
    DEFAULT,
    PRODUCT,
    CATEGORY
}
