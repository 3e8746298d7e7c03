package com.fenxiao.commission.chain.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The promoters an order pays, read from the buyer_chain read model and verified with the level check
 * (SPEC §4): the level-2 promoter must be the level-1 promoter's own inviter. The read model holds each
 * user's latest chain; when the buyer's stored level 2 and the level-1 promoter's own inviter disagree,
 * the newer announcement wins (relation-service re-announces invitees when an upline changes). What was
 * found is kept as {@code check} on the order snapshot.
 */
public final class ChainAtPayment {

    public static final String VERIFIED = "VERIFIED";
    public static final String NO_CHAIN = "NO_CHAIN";
    public static final String UNBOUND = "UNBOUND";
    public static final String LEVEL2_CORRECTED = "LEVEL2_CORRECTED";
    public static final String LEVEL2_MISMATCH_KEPT = "LEVEL2_MISMATCH_KEPT";
    public static final String LEVEL1_CHAIN_UNKNOWN = "LEVEL1_CHAIN_UNKNOWN";
    public static final String CHANGED_AFTER_PAYMENT = "+CHANGED_AFTER_PAYMENT";

    private ChainAtPayment() {}

    public record Resolved(Long level1Id, Long level2Id, Instant asOf, String check) {

        public Long promoterAt(int level) {
            return switch (level) {
                case 1 -> level1Id;
                case 2 -> level2Id;
                default -> throw new IllegalArgumentException("only two levels exist: " + level);
            };
        }
    }

    /**
     * @param buyer the buyer's chain, or null when the read model has none
     * @param level1 the level-1 promoter's own chain, or null
     */
    public static Resolved resolve(Chain buyer, Chain level1, Instant paidAt) {
        if (buyer == null) {
            return new Resolved(null, null, null, NO_CHAIN);
        }
        String late = buyer.asOf().isAfter(paidAt) ? CHANGED_AFTER_PAYMENT : "";
        if (buyer.inviterId() == null) {
            return new Resolved(null, null, buyer.asOf(), UNBOUND + late);
        }
        Long l1 = buyer.inviterId();
        Long l2 = buyer.inviterL2Id();
        if (level1 == null) {
            return new Resolved(l1, l2, buyer.asOf(), (l2 == null ? VERIFIED : LEVEL1_CHAIN_UNKNOWN) + late);
        }
        if (Objects.equals(level1.inviterId(), l2)) {
            return new Resolved(l1, l2, buyer.asOf(), VERIFIED + late);
        }
        if (level1.asOf().isAfter(buyer.asOf())) {
            return new Resolved(l1, level1.inviterId(), level1.asOf(), LEVEL2_CORRECTED + late);
        }
        return new Resolved(l1, l2, buyer.asOf(), LEVEL2_MISMATCH_KEPT + late);
    }
}
