package com.fenxiao.settlement.commission.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One commission as settlement sees it. {@code amountFen} is what it is worth now (before release it
 * follows the engine; after release it is {@code settledFen − reversedFen}); {@code products} splits
 * {@code amountFen} by product for reconciliation; {@code sourceVersion} is the engine record version
 * last applied, so an older event arriving late changes nothing. {@code known} turns true once
 * COMMISSION_CREATED arrived: only known commissions are released.
 */
public record SettledCommission(
        long id,
        long promoterId,
        String orderId,
        int level,
        boolean known,
        SettlementStatus status,
        long amountFen,
        long settledFen,
        long reversedFen,
        long withdrawnFen,
        long lateIncreaseFen,
        boolean held,
        String holdReason,
        Map<String, Long> products,
        Instant paidAt,
        Instant completedAt,
        Long dueAtMs,
        Instant releasedAt,
        Long decidedBy,
        int sourceVersion,
        Instant createdAt,
        Instant updatedAt) {

    public SettledCommission {
        products = products == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(products));
    }

    /** A row for a commission first heard of through a later event than its creation. */
    public static SettledCommission unknown(long id, long promoterId, String orderId, Instant now) {
        return new SettledCommission(
                id,
                promoterId,
                orderId,
                0,
                false,
                SettlementStatus.PENDING,
                0,
                0,
                0,
                0,
                0,
                false,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                0,
                now,
                now);
    }

    /** What this commission adds to reconciliation per product: nothing until known, nothing once cancelled. */
    public Map<String, Long> contribution() {
        if (!known || status == SettlementStatus.CANCELLED || amountFen == 0) {
            return Map.of();
        }
        return products;
    }

    /** What a paid withdrawal can still cover of it. */
    public long uncoveredFen() {
        return Math.max(0, amountFen - withdrawnFen);
    }

    Builder edit() {
        return new Builder(this);
    }

    /** Copy-on-write editing for the lifecycle. */
    static final class Builder {
        long id;
        long promoterId;
        String orderId;
        int level;
        boolean known;
        SettlementStatus status;
        long amountFen;
        long settledFen;
        long reversedFen;
        long withdrawnFen;
        long lateIncreaseFen;
        boolean held;
        String holdReason;
        Map<String, Long> products;
        Instant paidAt;
        Instant completedAt;
        Long dueAtMs;
        Instant releasedAt;
        Long decidedBy;
        int sourceVersion;
        Instant createdAt;
        Instant updatedAt;

        Builder(SettledCommission c) {
            id = c.id;
            promoterId = c.promoterId;
            orderId = c.orderId;
            level = c.level;
            known = c.known;
            status = c.status;
            amountFen = c.amountFen;
            settledFen = c.settledFen;
            reversedFen = c.reversedFen;
            withdrawnFen = c.withdrawnFen;
            lateIncreaseFen = c.lateIncreaseFen;
            held = c.held;
            holdReason = c.holdReason;
            products = c.products;
            paidAt = c.paidAt;
            completedAt = c.completedAt;
            dueAtMs = c.dueAtMs;
            releasedAt = c.releasedAt;
            decidedBy = c.decidedBy;
            sourceVersion = c.sourceVersion;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
        }

        SettledCommission build() {
            return new SettledCommission(
                    id,
                    promoterId,
                    orderId,
                    level,
                    known,
                    status,
                    amountFen,
                    settledFen,
                    reversedFen,
                    withdrawnFen,
                    lateIncreaseFen,
                    held,
                    holdReason,
                    products,
                    paidAt,
                    completedAt,
                    dueAtMs,
                    releasedAt,
                    decidedBy,
                    sourceVersion,
                    createdAt,
                    updatedAt);
        }
    }
}
