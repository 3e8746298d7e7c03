package com.fenxiao.commission;

import com.fenxiao.common.time.AfterSalesWindows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.settlement.window} and {@code platform.settlement.product-windows}: the after-sales windows
 * settlement-service releases by, read here under the same keys (and the same {@code SETTLEMENT_WINDOW}
 * variable) so the expected release date a promoter sees is the date settlement releases (docs/adr/0008).
 * The engine keeps no window of its own.
 */
@ConfigurationProperties("platform.settlement")
public class SettlementWindowProperties {

    private Duration window = Duration.ofDays(7);

    private Map<String, Duration> productWindows = new LinkedHashMap<>();

    public AfterSalesWindows windows() {
        return new AfterSalesWindows(window, productWindows);
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public Map<String, Duration> getProductWindows() {
        return productWindows;
    }

    public void setProductWindows(Map<String, Duration> productWindows) {
        this.productWindows = productWindows;
    }
}
