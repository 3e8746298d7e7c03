package com.fenxiao.withdrawal.payout.adapter.wechat.local;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.wechatpay.local-fake}: LOCAL PROFILE ONLY. Runs {@link LocalWeChatPay} in the service
 * and points the WeChat Pay client at it; a production profile refuses to start with it enabled.
 */
@ConfigurationProperties("platform.wechatpay.local-fake")
public class LocalWeChatPayProperties {

    private boolean enabled;
    /**
     * How long each bill waits in WAIT_USER_CONFIRM (with its package) before the fake member confirms
     * it and the success callback is sent; zero: never (the bill is cancelled by the confirmation window).
     */
    private Duration confirmAfter = Duration.ofSeconds(20);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getConfirmAfter() {
        return confirmAfter;
    }

    public void setConfirmAfter(Duration confirmAfter) {
        this.confirmAfter = confirmAfter;
    }
}
