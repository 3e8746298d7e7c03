package com.fenxiao.withdrawal.payout.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.payout}: the confirmation window of a WeChat bill and the transfer's wording. */
@ConfigurationProperties("platform.payout")
public class PayoutProperties {

    /** An unconfirmed bill is cancelled after this and its funds return (SPEC §6: 24 h). */
    private Duration confirmationWindow = Duration.ofHours(24);

    private String remark = "佣金提现";
    /** From this amount WeChat Pay requires the payee's real name (encrypted). */
    private long realNameFromFen = 200_000;
    /** How often the gauge of the oldest payout in flight is re-read (zero: only by the sync job). */
    private Duration inFlightRefresh = Duration.ofSeconds(30);

    public Duration getInFlightRefresh() {
        return inFlightRefresh;
    }

    public void setInFlightRefresh(Duration inFlightRefresh) {
        this.inFlightRefresh = inFlightRefresh;
    }

    public Duration getConfirmationWindow() {
        return confirmationWindow;
    }

    public void setConfirmationWindow(Duration confirmationWindow) {
        this.confirmationWindow = confirmationWindow;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public long getRealNameFromFen() {
        return realNameFromFen;
    }

    public void setRealNameFromFen(long realNameFromFen) {
        this.realNameFromFen = realNameFromFen;
    }
}
