package com.fenxiao.withdrawal.request.application;

import com.fenxiao.withdrawal.request.domain.ReviewPolicy;
import com.fenxiao.withdrawal.request.domain.WithdrawalPolicy;
import com.fenxiao.withdrawal.tax.domain.TaxMethod;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.withdrawal}: the operator's limits, fee, tax method and review thresholds (SPEC §6, §7). */
@ConfigurationProperties("platform.withdrawal")
public class WithdrawalProperties {

    private long minimumFen = 100;
    private int dailyCount = 3;
    private long dailyAmountFen = 2_000_000;
    private long monthlyAmountFen = 10_000_000;
    private int feeRateBp = 0;
    private long feeMinimumFen = 0;
    private Duration wechatArrival = Duration.ofMinutes(30);
    private Duration bankArrival = Duration.ofDays(3);
    private TaxMethod taxMethod = TaxMethod.PER_PAYMENT;
    private long autoApproveBelowFen = 50_000;
    private long dualApprovalFromFen = 500_000;

    public WithdrawalPolicy policy() {
        return new WithdrawalPolicy(
                minimumFen,
                dailyCount,
                dailyAmountFen,
                monthlyAmountFen,
                feeRateBp,
                feeMinimumFen,
                wechatArrival,
                bankArrival);
    }

    public ReviewPolicy review() {
        return new ReviewPolicy(autoApproveBelowFen, dualApprovalFromFen);
    }

    public long getMinimumFen() {
        return minimumFen;
    }

    public void setMinimumFen(long minimumFen) {
        this.minimumFen = minimumFen;
    }

    public int getDailyCount() {
        return dailyCount;
    }

    public void setDailyCount(int dailyCount) {
        this.dailyCount = dailyCount;
    }

    public long getDailyAmountFen() {
        return dailyAmountFen;
    }

    public void setDailyAmountFen(long dailyAmountFen) {
        this.dailyAmountFen = dailyAmountFen;
    }

    public long getMonthlyAmountFen() {
        return monthlyAmountFen;
    }

    public void setMonthlyAmountFen(long monthlyAmountFen) {
        this.monthlyAmountFen = monthlyAmountFen;
    }

    public int getFeeRateBp() {
        return feeRateBp;
    }

    public void setFeeRateBp(int feeRateBp) {
        this.feeRateBp = feeRateBp;
    }

    public long getFeeMinimumFen() {
        return feeMinimumFen;
    }

    public void setFeeMinimumFen(long feeMinimumFen) {
        this.feeMinimumFen = feeMinimumFen;
    }

    public Duration getWechatArrival() {
        return wechatArrival;
    }

    public void setWechatArrival(Duration wechatArrival) {
        this.wechatArrival = wechatArrival;
    }

    public Duration getBankArrival() {
        return bankArrival;
    }

    public void setBankArrival(Duration bankArrival) {
        this.bankArrival = bankArrival;
    }

    public TaxMethod getTaxMethod() {
        return taxMethod;
    }

    public void setTaxMethod(TaxMethod taxMethod) {
        this.taxMethod = taxMethod;
    }

    public long getAutoApproveBelowFen() {
        return autoApproveBelowFen;
    }

    public void setAutoApproveBelowFen(long autoApproveBelowFen) {
        this.autoApproveBelowFen = autoApproveBelowFen;
    }

    public long getDualApprovalFromFen() {
        return dualApprovalFromFen;
    }

    public void setDualApprovalFromFen(long dualApprovalFromFen) {
        this.dualApprovalFromFen = dualApprovalFromFen;
    }
}
