package com.fenxiao.withdrawal.tax.domain;

/** What one withdrawal withholds, and the running figures it was derived from. */
public record Withholding(long taxFen, long cumulativeIncomeFen, long cumulativeTaxFen, String method) {}
