package com.fenxiao.withdrawal.identity.domain;

import java.time.Instant;

/** A member's verified real-name identity as it may be shown: masked only. */
public record Identity(long memberId, String maskedName, String maskedIdNumber, Instant verifiedAt) {}
