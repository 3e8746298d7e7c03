package com.fenxiao.commission.rule.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every approved rule version, resolved by payment time: an order uses the versions in force when it
 * was paid, so a change applies to orders paid afterwards only (SPEC §4, §2.7). Immutable; the
 * application swaps in a new book when a version is approved.
 */
public final class RuleBook {

    private final int defaultLevel1Bp;
    private final int defaultLevel2Bp;
    private final boolean defaultLevel2Enabled;
    private final RateCaps caps;
    private final long version;
    /** Versions per scope key, newest effective first. */
    private final Map<String, List<RuleVersion>> byScope = new HashMap<>();

    private final List<RuleVersion> all;

    public RuleBook(
            int defaultLevel1Bp,
            int defaultLevel2Bp,
            boolean defaultLevel2Enabled,
            RateCaps caps,
            List<RuleVersion> versions) {
        this.defaultLevel1Bp = defaultLevel1Bp;
        this.defaultLevel2Bp = defaultLevel2Bp;
        this.defaultLevel2Enabled = defaultLevel2Enabled;
        this.caps = caps;
        this.all = List.copyOf(versions);
        long max = 0;
        for (RuleVersion v : versions) {
            byScope.computeIfAbsent(key(v.scope(), v.scopeId()), k -> new ArrayList<>())
                    .add(v);
            max = Math.max(max, v.id());
        }
        Comparator<RuleVersion> newestFirst = Comparator.comparing(RuleVersion::effectiveFrom)
                .thenComparingLong(RuleVersion::id)
                .reversed();
        byScope.values().forEach(list -> list.sort(newestFirst));
        this.version = max;
    }

    public static RuleBook defaultsOnly(int level1Bp, int level2Bp, RateCaps caps) {
        return new RuleBook(level1Bp, level2Bp, true, caps, List.of());
    }

    /** The highest version id in the book; changes whenever a version is added. */
    public long version() {
        return version;
    }

    public RateCaps caps() {
        return caps;
    }

    public List<RuleVersion> versions() {
        return all;
    }

    public ItemRates ratesFor(String productId, String categoryId, Instant paidAt) {
        RuleVersion product = inForce(RuleScope.PRODUCT, productId, paidAt);
        RuleVersion category = categoryId == null ? null : inForce(RuleScope.CATEGORY, categoryId, paidAt);
        RuleVersion defaults = inForce(RuleScope.DEFAULT, RuleVersion.ALL, paidAt);
        for (RuleVersion v : new RuleVersion[] {product, category}) {
            if (v != null && v.qualification()) {
                return new ItemRates(0, 0, "QUALIFICATION:" + v.label());
            }
            if (v != null && !v.commissionable()) {
                return new ItemRates(0, 0, "NON_COMMISSIONABLE:" + v.label());
            }
        }
        int l1 = defaults != null ? defaults.level1Bp() : defaultLevel1Bp;
        int l2 = defaults != null ? defaults.level2Bp() : defaultLevel2Bp;
        String l1From = defaults != null ? defaults.label() : "DEFAULT";
        String l2From = l1From;
        if (category != null && category.level1Bp() != null) {
            l1 = category.level1Bp();
            l1From = category.label();
        }
        if (category != null && category.level2Bp() != null) {
            l2 = category.level2Bp();
            l2From = category.label();
        }
        if (product != null && product.level1Bp() != null) {
            l1 = product.level1Bp();
            l1From = product.label();
        }
        if (product != null && product.level2Bp() != null) {
            l2 = product.level2Bp();
            l2From = product.label();
        }
        String source = l1From.equals(l2From) ? l1From : l1From + "|" + l2From;
        return new ItemRates(caps.capLevel1(l1), caps.capLevel2(l2), source);
    }

    /** SPEC §2.7: one-level mode for orders paid while the switch is off. */
    public boolean level2Enabled(Instant paidAt) {
        RuleVersion defaults = inForce(RuleScope.DEFAULT, RuleVersion.ALL, paidAt);
        if (defaults == null || defaults.level2Enabled() == null) {
            return defaultLevel2Enabled;
        }
        return defaults.level2Enabled();
    }

    /** The version of a scope in force at a time, or null. */
    public RuleVersion inForce(RuleScope scope, String scopeId, Instant at) {
        List<RuleVersion> versions = byScope.get(key(scope, scopeId));
        if (versions == null) {
            return null;
        }
        for (RuleVersion v : versions) {
            if (!v.effectiveFrom().isAfter(at)) {
                return v;
            }
        }
        return null;
    }

    private static String key(RuleScope scope, String scopeId) {
        return scope.name() + ":" + scopeId;
    }
}
