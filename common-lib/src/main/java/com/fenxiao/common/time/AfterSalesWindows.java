package com.fenxiao.common.time;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * After-sales windows (SPEC §5), the one rule both the release (settlement-service) and the expected
 * release date shown to promoters (commission-engine) use, read from the same {@code platform.settlement}
 * configuration (docs/adr/0008): a default and optional per-product overrides, as ISO-8601 durations so
 * a demo can use seconds. A commission spanning several products waits for the longest of their windows.
 */
public record AfterSalesWindows(Duration defaultWindow, Map<String, Duration> perProduct) {

    public AfterSalesWindows {
        if (defaultWindow == null || defaultWindow.isNegative()) {
            throw new IllegalArgumentException("the default window must be zero or positive");
        }
        perProduct = Map.copyOf(perProduct);
        perProduct.forEach((product, window) -> {
            if (window.isNegative()) {
                throw new IllegalArgumentException("the window of product " + product + " is negative");
            }
        });
    }

    public Duration windowFor(Collection<String> productIds) {
        if (productIds == null || productIds.isEmpty()) {
            return defaultWindow;
        }
        Duration longest = null;
        for (String product : productIds) {
            Duration w = perProduct.getOrDefault(product, defaultWindow);
            if (longest == null || w.compareTo(longest) > 0) {
                longest = w;
            }
        }
        return longest;
    }
}
