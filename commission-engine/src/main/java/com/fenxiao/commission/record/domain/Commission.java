package com.fenxiao.commission.record.domain;

import com.fenxiao.common.time.AfterSalesWindows;
import java.time.Instant;
import java.util.List;

/**
 * One promoter's commission on one order at one level (never a third). {@code computedFen} is what the
 * order's items still earn, {@code adjustmentFen} the sum of approved manual adjustments, and
 * {@code amountFen} what the promoter is owed now; {@code reversedFen} was taken back after settlement.
 * {@code orderVersion} is the version of the order snapshot the record reflects, so a stale projection
 * (another instance working on an older view of the order) is recognised and changes nothing.
 */
public record Commission(
        long id,
        String orderId,
        String orderNo,
        long promoterId,
        long buyerId,
        int level,
        long amountFen,
        long originalAmountFen,
        long computedFen,
        long adjustmentFen,
        long reversedFen,
        int rateBp,
        List<ItemShare> breakdown,
        CommissionStatus status,
        boolean held,
        String holdReason,
        String chainCheck,
        String buyerNickname,
        Instant paidAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        int version,
        int orderVersion) {

    public Commission {
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("only two levels exist: " + level);
        }
        breakdown = List.copyOf(breakdown);
    }

    public boolean settled() {
        return status.settled();
    }

    /**
     * When settlement will release this commission: its order's completion plus the after-sales window
     * settlement releases by (the longest over its products, as settlement computes it); null once it left
     * PENDING, before completion, or while held (an operator decides).
     */
    public Instant expectedReleaseAt(AfterSalesWindows windows) {
        if (status != CommissionStatus.PENDING || completedAt == null || held) {
            return null;
        }
        return completedAt.plus(windows.windowFor(productShares().keySet()));
    }

    /**
     * What each product contributes to {@code amountFen}, summing to it exactly: the items' shares
     * grouped by product, with whatever differs from them (manual adjustments, amounts taken back after
     * settlement) put on the product with the largest share, so reconciliation per product adds up.
     */
    public java.util.Map<String, Long> productShares() {
        java.util.Map<String, Long> shares = new java.util.LinkedHashMap<>();
        for (ItemShare item : breakdown) {
            shares.merge(item.productId(), item.amountFen(), Math::addExact);
        }
        long sum = shares.values().stream().mapToLong(Long::longValue).sum();
        long rest = amountFen - sum;
        if (rest != 0 || shares.isEmpty()) {
            String largest = shares.entrySet().stream()
                    .max(java.util.Map.Entry.comparingByValue())
                    .map(java.util.Map.Entry::getKey)
                    .orElse("");
            shares.merge(largest, rest, Math::addExact);
        }
        return shares;
    }

    public Commission withAmounts(
            long amount,
            long computed,
            long adjustment,
            long reversed,
            List<ItemShare> shares,
            CommissionStatus s,
            Instant now) {
        return new Commission(
                id,
                orderId,
                orderNo,
                promoterId,
                buyerId,
                level,
                amount,
                originalAmountFen,
                computed,
                adjustment,
                reversed,
                rateBp,
                shares,
                s,
                held,
                holdReason,
                chainCheck,
                buyerNickname,
                paidAt,
                completedAt,
                createdAt,
                now,
                version + 1,
                orderVersion);
    }

    /** The buyer as the promoter may see them: a nickname relation-service already masked. */
    public Commission withBuyerNickname(String maskedNickname) {
        if (java.util.Objects.equals(maskedNickname, buyerNickname)) {
            return this;
        }
        return new Commission(
                id,
                orderId,
                orderNo,
                promoterId,
                buyerId,
                level,
                amountFen,
                originalAmountFen,
                computedFen,
                adjustmentFen,
                reversedFen,
                rateBp,
                breakdown,
                status,
                held,
                holdReason,
                chainCheck,
                maskedNickname,
                paidAt,
                completedAt,
                createdAt,
                updatedAt,
                version,
                orderVersion);
    }

    public Commission withCompletedAt(Instant completed, Instant now) {
        return new Commission(
                id,
                orderId,
                orderNo,
                promoterId,
                buyerId,
                level,
                amountFen,
                originalAmountFen,
                computedFen,
                adjustmentFen,
                reversedFen,
                rateBp,
                breakdown,
                status,
                held,
                holdReason,
                chainCheck,
                buyerNickname,
                paidAt,
                completed,
                createdAt,
                now,
                version + 1,
                orderVersion);
    }

    /** The record now reflects this version of its order's snapshot. */
    public Commission reflecting(int snapshotVersion) {
        if (snapshotVersion == orderVersion) {
            return this;
        }
        return new Commission(
                id,
                orderId,
                orderNo,
                promoterId,
                buyerId,
                level,
                amountFen,
                originalAmountFen,
                computedFen,
                adjustmentFen,
                reversedFen,
                rateBp,
                breakdown,
                status,
                held,
                holdReason,
                chainCheck,
                buyerNickname,
                paidAt,
                completedAt,
                createdAt,
                updatedAt,
                version,
                snapshotVersion);
    }

    /**
     * A manual adjustment approved through maker-checker: only while pending, never below zero.
     *
     * @throws CommissionRefused when the commission is no longer pending or would become negative
     */
    public Commission adjustedBy(long deltaFen, Instant now) {
        if (status != CommissionStatus.PENDING) {
            throw new CommissionRefused("COMMISSION_NOT_ADJUSTABLE", "only a pending commission can be adjusted");
        }
        long adjustment = Math.addExact(adjustmentFen, deltaFen);
        long amount = Math.addExact(computedFen, adjustment);
        if (amount < 0) {
            throw new CommissionRefused("ADJUSTMENT_BELOW_ZERO", "the adjustment would make the commission negative");
        }
        return withAmounts(amount, computedFen, adjustment, reversedFen, breakdown, status, now);
    }

    // --- what settlement-service decided (SPEC §5); the record follows so members see it ---

    /**
     * Settlement released it to the wallet (or an operator released it after a hold). A pending record
     * first settles (its window closed, the amount is final) and is then credited: SPEC §5 has no move from
     * PENDING straight to AVAILABLE.
     */
    public Commission releasedBySettlement(Instant now) {
        CommissionStatus at = status;
        if (at.canBecome(CommissionStatus.SETTLED)) {
            at = CommissionStatus.SETTLED;
        }
        if (!at.canBecome(CommissionStatus.AVAILABLE)) {
            return this;
        }
        return withAmounts(
                amountFen, computedFen, adjustmentFen, reversedFen, breakdown, CommissionStatus.AVAILABLE, now);
    }

    /** A paid withdrawal now covers it in full. */
    public Commission withdrawnBySettlement(Instant now) {
        if (!status.canBecome(CommissionStatus.WITHDRAWN)) {
            return this;
        }
        return withAmounts(
                amountFen, computedFen, adjustmentFen, reversedFen, breakdown, CommissionStatus.WITHDRAWN, now);
    }

    /** An operator cancelled it while held. */
    public Commission cancelledBySettlement(Instant now) {
        if (!status.canBecome(CommissionStatus.CANCELLED)) {
            return this;
        }
        return withAmounts(0, computedFen, adjustmentFen, reversedFen, breakdown, CommissionStatus.CANCELLED, now);
    }

    /**
     * Settlement took {@code takenFen} back after release for a refund this engine had applied as to a
     * pending commission (it had not heard of the release yet); {@code remainingFen} is what is left.
     */
    public Commission reversedBySettlement(long takenFen, long remainingFen, Instant now) {
        CommissionStatus next = remainingFen == 0 ? CommissionStatus.REVERSED : CommissionStatus.AVAILABLE;
        return withAmounts(
                remainingFen, computedFen, adjustmentFen, Math.addExact(reversedFen, takenFen), breakdown, next, now);
    }
}
