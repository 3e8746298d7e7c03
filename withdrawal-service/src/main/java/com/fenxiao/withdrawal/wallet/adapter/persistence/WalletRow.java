package com.fenxiao.withdrawal.wallet.adapter.persistence;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** The logical table {@code wallet}; ShardingSphere routes it by {@code promoter_id}. */
@TableName("wallet")
public class WalletRow {

    @TableId(value = "promoter_id", type = IdType.INPUT)
    private Long promoterId;

    private Long pendingFen;
    private Long availableFen;
    private Long frozenFen;
    private Long withdrawnFen;
    private Long debtFen;
    private LocalDateTime updatedAt;

    public Long getPromoterId() {
        return promoterId;
    }

    public void setPromoterId(Long promoterId) {
        this.promoterId = promoterId;
    }

    public Long getPendingFen() {
        return pendingFen;
    }

    public void setPendingFen(Long pendingFen) {
        this.pendingFen = pendingFen;
    }

    public Long getAvailableFen() {
        return availableFen;
    }

    public void setAvailableFen(Long availableFen) {
        this.availableFen = availableFen;
    }

    public Long getFrozenFen() {
        return frozenFen;
    }

    public void setFrozenFen(Long frozenFen) {
        this.frozenFen = frozenFen;
    }

    public Long getWithdrawnFen() {
        return withdrawnFen;
    }

    public void setWithdrawnFen(Long withdrawnFen) {
        this.withdrawnFen = withdrawnFen;
    }

    public Long getDebtFen() {
        return debtFen;
    }

    public void setDebtFen(Long debtFen) {
        this.debtFen = debtFen;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
