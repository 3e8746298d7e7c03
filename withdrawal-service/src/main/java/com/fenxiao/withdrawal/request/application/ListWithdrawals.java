package com.fenxiao.withdrawal.request.application;

import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import java.util.List;
import org.springframework.stereotype.Service;

/** Withdrawals newest first: a member's own, or (staff) those in one status. */
@Service
public class ListWithdrawals {

    private final Withdrawals withdrawals;

    public ListWithdrawals(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    public List<Withdrawal> list(Long memberId, WithdrawalStatus status, Channel channel, Long beforeId, int size) {
        int bounded = Math.max(1, Math.min(size, 100));
        return memberId != null
                ? withdrawals.listOf(memberId, beforeId, bounded)
                : withdrawals.withStatus(status, channel, beforeId, bounded);
    }
}
