package com.fenxiao.withdrawal.request.adapter.web;

import java.time.Instant;

public record QuoteView(
        long amountFen, long feeFen, long taxFen, long netFen, String channel, Instant expectedArrival) {}
