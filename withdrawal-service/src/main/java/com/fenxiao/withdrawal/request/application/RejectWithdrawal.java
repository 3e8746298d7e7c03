package com.fenxiao.withdrawal.request.application;

import com.fenxiao.withdrawal.request.domain.Withdrawal;
import org.springframework.stereotype.Service;

/**
 * Finance rejects a withdrawal under review; the frozen funds return to available. A large withdrawal
 * awaiting its second approval is rejected by the checker of its approval request (never its maker).
 */
@Service
public class RejectWithdrawal {

    private final ApproveWithdrawal review;

    public RejectWithdrawal(ApproveWithdrawal review) {
        this.review = review;
    }

    public Withdrawal reject(long staffId, long withdrawalId, String reason, String requestId) {
        return review.reject(staffId, withdrawalId, reason, requestId);
    }
}
