package com.fenxiao.withdrawal.request.domain;

import java.time.Instant;

/** What a withdrawal of {@code amountFen} costs and pays, shown before the member confirms. */
public record Quote(long amountFen, long feeFen, long taxFen, long netFen, Channel channel, Instant expectedArrival) {}
