package com.fenxiao.commission.chain.domain;

import java.time.Instant;

/**
 * A buyer's inviters: level 1 (direct) and level 2 (the inviter's inviter). Never a third level.
 * {@code maskedNickname} is the user's nickname as relation-service announced it, already masked; null when
 * the announcement had none (then a stored one is kept).
 */
public record Chain(long userId, Long inviterId, Long inviterL2Id, Instant asOf, String maskedNickname) {

    public Chain(long userId, Long inviterId, Long inviterL2Id, Instant asOf) {
        this(userId, inviterId, inviterL2Id, asOf, null);
    }

    public static Chain unbound(long userId, Instant asOf) {
        return new Chain(userId, null, null, asOf);
    }

    /** The promoter of a level (1 or 2), or null when that level has none. */
    public Long promoterAt(int level) {
        return switch (level) {
            case 1 -> inviterId;
            case 2 -> inviterL2Id;
            default -> throw new IllegalArgumentException("only two levels exist: " + level);
        };
    }
}
