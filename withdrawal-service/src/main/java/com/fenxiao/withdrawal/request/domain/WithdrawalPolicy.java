package com.fenxiao.withdrawal.request.domain;

import java.time.Duration;

/**
 * The operator's withdrawal rules (SPEC §6), from configuration. Fee = max(minimum, amount × rate),
 * rounded half-up to the fen, never above the amount; zero rate and zero minimum mean no fee.
 */
public record WithdrawalPolicy(
        long minimumFen,
        int dailyCount,
        long dailyAmountFen,
        long monthlyAmountFen,
        int feeRateBp,
        long feeMinimumFen,
        Duration wechatArrival,
        Duration bankArrival) {

    public WithdrawalPolicy {
        if (minimumFen < 1 || dailyCount < 1 || dailyAmountFen < minimumFen || monthlyAmountFen < dailyAmountFen) {
            throw new IllegalArgumentException("inconsistent withdrawal limits");
        }
        if (feeRateBp < 0 || feeRateBp > 10_000 || feeMinimumFen < 0) {
            throw new IllegalArgumentException("invalid fee");
        }
    }

    public static WithdrawalPolicy defaults() {
        return new WithdrawalPolicy(100, 3, 2_000_000, 10_000_000, 0, 0, Duration.ofMinutes(30), Duration.ofDays(3));
    }

    public long feeOf(long amountFen) {
        long byRate = Math.floorDiv(Math.addExact(Math.multiplyExact(amountFen, (long) feeRateBp), 5_000L), 10_000L);
        return Math.min(amountFen, Math.max(feeMinimumFen, byRate));
    }

    public Duration arrivalOf(Channel channel) {
        return channel == Channel.WECHAT ? wechatArrival : bankArrival;
    }
}
