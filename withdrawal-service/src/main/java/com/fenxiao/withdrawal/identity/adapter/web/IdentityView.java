package com.fenxiao.withdrawal.identity.adapter.web;

public record IdentityView(boolean verified, String maskedName, String maskedIdNumber, java.time.Instant verifiedAt) {}
