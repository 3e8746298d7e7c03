package com.fenxiao.settlement.commission.domain;

import com.fenxiao.common.time.AfterSalesWindows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the engine's facts to settlement's view of a commission (SPEC §4, §5). Before release amounts
 * follow the engine; once the money is in the wallet any reduction becomes a reversal — announced here
 * when the engine did not know of the release yet (its refund arrived as an adjustment or a
 * cancellation), left to the engine's own event when it did. A fact older than the version already
 * applied changes nothing, so redeliveries and reordering are harmless.
 */
public final class Lifecycle {

    private Lifecycle() {}

    /** Something settlement must announce or record besides the new row. */
    public sealed interface Effect {

        /** Take {@code amountFen} back from the wallet; {@code reference} is the refund (or adjustment). */
        record Reverse(long amountFen, String reference, long remainingFen, SettlementStatus status)
                implements Effect {}

        /** The engine raised a commission after its release: nothing is credited, an operator must look. */
        record LateIncrease(long amountFen) implements Effect {}
    }

    public record Outcome(SettledCommission next, List<Effect> effects) {

        public boolean changed(SettledCommission before) {
            return !next.equals(before);
        }
    }

    public static Outcome apply(SettledCommission c, EngineFact fact, AfterSalesWindows windows, Instant now) {
        if (fact instanceof EngineFact.Created f) {
            return created(c, f, windows, now);
        }
        if (fact instanceof EngineFact.Completed f) {
            return completed(c, f, windows, now);
        }
        if (fact instanceof EngineFact.Adjusted f) {
            return adjusted(c, f, now);
        }
        if (fact instanceof EngineFact.Cancelled f) {
            return cancelled(c, f, now);
        }
        return reversed(c, (EngineFact.Reversed) fact, now);
    }

    private static boolean stale(SettledCommission c, Integer version) {
        return version != null && version <= c.sourceVersion();
    }

    private static int versionOf(SettledCommission c, Integer version) {
        return version == null ? c.sourceVersion() + 1 : version;
    }

    private static Outcome created(SettledCommission c, EngineFact.Created f, AfterSalesWindows windows, Instant now) {
        SettledCommission.Builder b = c.edit();
        b.known = true;
        b.level = f.level();
        b.held = b.held || f.held();
        b.holdReason = b.holdReason == null ? f.holdReason() : b.holdReason;
        b.paidAt = f.paidAt();
        if (b.completedAt == null) {
            b.completedAt = f.completedAt();
        }
        int version = f.version() == null ? 1 : f.version();
        if (version > c.sourceVersion()) {
            b.sourceVersion = version;
            b.amountFen = f.amountFen();
            b.products = f.products();
        } else if (c.products().isEmpty() && !f.products().isEmpty() && c.amountFen() == 0 && !c.known()) {
            // a completion told only the product ids: keep them until an amount arrives
            b.products = zeroed(f.products());
        }
        due(b, windows);
        b.updatedAt = now;
        return new Outcome(b.build(), List.of());
    }

    private static Outcome completed(
            SettledCommission c, EngineFact.Completed f, AfterSalesWindows windows, Instant now) {
        if (c.completedAt() != null) {
            return new Outcome(c, List.of());
        }
        SettledCommission.Builder b = c.edit();
        b.completedAt = f.completedAt();
        if (b.products.isEmpty() && f.productIds() != null) {
            Map<String, Long> ids = new LinkedHashMap<>();
            f.productIds().forEach(p -> ids.put(p, 0L));
            b.products = ids;
        }
        if (f.version() != null && f.version() > b.sourceVersion && b.known) {
            b.sourceVersion = f.version();
        }
        due(b, windows);
        b.updatedAt = now;
        return new Outcome(b.build(), List.of());
    }

    private static Outcome adjusted(SettledCommission c, EngineFact.Adjusted f, Instant now) {
        if (stale(c, f.version())) {
            return new Outcome(c, List.of());
        }
        SettledCommission.Builder b = c.edit();
        b.sourceVersion = versionOf(c, f.version());
        b.updatedAt = now;
        if (c.status().beforeRelease()) {
            b.amountFen = f.amountFen();
            b.products = f.amountFen() == 0 ? Map.of() : f.products();
            if (f.amountFen() == 0) {
                b.status = SettlementStatus.CANCELLED;
            }
            return new Outcome(b.build(), List.of());
        }
        if (c.status().released()) {
            long delta = f.amountFen() - c.amountFen();
            if (delta < 0) {
                return reverse(b, -delta, f.reference(), f.products());
            }
            if (delta > 0) {
                b.lateIncreaseFen = Math.addExact(c.lateIncreaseFen(), delta);
                return new Outcome(b.build(), List.of(new Effect.LateIncrease(delta)));
            }
        }
        return new Outcome(b.build(), List.of());
    }

    private static Outcome cancelled(SettledCommission c, EngineFact.Cancelled f, Instant now) {
        if (stale(c, f.version())) {
            return new Outcome(c, List.of());
        }
        SettledCommission.Builder b = c.edit();
        b.sourceVersion = versionOf(c, f.version());
        b.updatedAt = now;
        if (c.status().beforeRelease()) {
            b.status = SettlementStatus.CANCELLED;
            b.amountFen = 0;
            b.products = Map.of();
            return new Outcome(b.build(), List.of());
        }
        if (c.status().released() && c.amountFen() > 0) {
            return reverse(b, c.amountFen(), f.reference(), Map.of());
        }
        return new Outcome(b.build(), List.of());
    }

    private static Outcome reversed(SettledCommission c, EngineFact.Reversed f, Instant now) {
        if (stale(c, f.version())) {
            return new Outcome(c, List.of());
        }
        SettledCommission.Builder b = c.edit();
        b.sourceVersion = versionOf(c, f.version());
        b.updatedAt = now;
        long remaining = Math.max(0, f.remainingFen());
        if (c.status().released()) {
            long taken = Math.max(0, c.amountFen() - remaining);
            b.reversedFen = Math.addExact(c.reversedFen(), taken);
            b.amountFen = remaining;
            b.products = remaining == 0 ? Map.of() : f.products();
            if (remaining == 0) {
                b.status = SettlementStatus.REVERSED;
            }
        } else if (c.status().beforeRelease()) {
            // the engine believed it released (it is told only by settlement, so this is a repair):
            // follow the amount, announce nothing
            b.amountFen = remaining;
            b.products = remaining == 0 ? Map.of() : f.products();
            if (remaining == 0) {
                b.status = SettlementStatus.CANCELLED;
            }
        }
        return new Outcome(b.build(), List.of());
    }

    private static Outcome reverse(
            SettledCommission.Builder b, long amount, String reference, Map<String, Long> productsAfter) {
        long remaining = b.amountFen - amount;
        b.amountFen = remaining;
        b.reversedFen = Math.addExact(b.reversedFen, amount);
        b.products = remaining == 0 ? Map.of() : productsAfter;
        if (remaining == 0) {
            b.status = SettlementStatus.REVERSED;
        }
        return new Outcome(b.build(), List.of(new Effect.Reverse(amount, reference, remaining, b.status)));
    }

    private static void due(SettledCommission.Builder b, AfterSalesWindows windows) {
        if (b.completedAt != null) {
            b.dueAtMs =
                    b.completedAt.plus(windows.windowFor(b.products.keySet())).toEpochMilli();
        }
    }

    private static Map<String, Long> zeroed(Map<String, Long> products) {
        Map<String, Long> out = new LinkedHashMap<>();
        products.keySet().forEach(p -> out.put(p, 0L));
        return out;
    }

    // --- operator decisions and withdrawals ---

    /** An operator releases a held commission whose window closed. */
    public static SettledCommission releaseHeld(SettledCommission c, long staffId, Instant now) {
        if (c.status() != SettlementStatus.SETTLED || !c.held()) {
            throw new SettlementRefused(
                    SettlementRefused.NOT_HELD, "only a held commission whose window closed can be released");
        }
        SettledCommission.Builder b = c.edit();
        b.status = SettlementStatus.AVAILABLE;
        b.settledFen = c.amountFen();
        b.releasedAt = now;
        b.decidedBy = staffId;
        b.updatedAt = now;
        return b.build();
    }

    /** An operator cancels a held commission (before or after its window closed). */
    public static SettledCommission cancelHeld(SettledCommission c, long staffId, Instant now) {
        if (!c.held() || !c.status().beforeRelease()) {
            throw new SettlementRefused(
                    SettlementRefused.NOT_HELD, "only a held, unreleased commission can be cancelled");
        }
        SettledCommission.Builder b = c.edit();
        b.status = SettlementStatus.CANCELLED;
        b.amountFen = 0;
        b.products = Map.of();
        b.decidedBy = staffId;
        b.updatedAt = now;
        return b.build();
    }

    /** Coverage of one paid withdrawal over available commissions, oldest release first. */
    public record Coverage(
            List<SettledCommission> changed, List<SettledCommission> fullyWithdrawn, long uncoveredFen) {}

    public static Coverage cover(List<SettledCommission> availableOldestFirst, long amountFen, Instant now) {
        long left = amountFen;
        List<SettledCommission> changed = new java.util.ArrayList<>();
        List<SettledCommission> full = new java.util.ArrayList<>();
        for (SettledCommission c : availableOldestFirst) {
            if (left == 0) {
                break;
            }
            if (c.status() != SettlementStatus.AVAILABLE) {
                continue;
            }
            long take = Math.min(left, c.uncoveredFen());
            if (take == 0) {
                continue;
            }
            left -= take;
            SettledCommission.Builder b = c.edit();
            b.withdrawnFen = Math.addExact(c.withdrawnFen(), take);
            b.updatedAt = now;
            if (b.withdrawnFen >= c.amountFen()) {
                b.status = SettlementStatus.WITHDRAWN;
            }
            SettledCommission next = b.build();
            changed.add(next);
            if (next.status() == SettlementStatus.WITHDRAWN) {
                full.add(next);
            }
        }
        return new Coverage(changed, full, left);
    }
}
