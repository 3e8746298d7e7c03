package com.fenxiao.withdrawal.request.application;

import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.id.IdGenerator;
import com.fenxiao.common.outbox.Outbox;
import com.fenxiao.withdrawal.identity.domain.Identities;
import com.fenxiao.withdrawal.request.domain.Channel;
import com.fenxiao.withdrawal.request.domain.MemberFlags;
import com.fenxiao.withdrawal.request.domain.ReviewPolicy;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import com.fenxiao.withdrawal.request.domain.WithdrawalHistory;
import com.fenxiao.withdrawal.request.domain.WithdrawalStatus;
import com.fenxiao.withdrawal.request.domain.Withdrawals;
import com.fenxiao.withdrawal.tax.domain.Withholdings;
import com.fenxiao.withdrawal.wallet.application.WalletTransactions;
import com.fenxiao.withdrawal.wallet.domain.EntryType;
import com.fenxiao.withdrawal.wallet.domain.Movements;
import com.fenxiao.withdrawal.wallet.domain.Posting;
import com.fenxiao.withdrawal.wallet.domain.WalletRefused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Service;

/**
 * A member asks to withdraw (SPEC §6). Under the wallet row's lock, in one transaction: an
 * idempotency key already used answers with its withdrawal (same body) or a conflict (another body);
 * otherwise the request is priced, the withdrawal row, its withholding, the freeze in the ledger, the
 * audit entry and the outbox events are written together. Review decides APPROVED or REVIEWING.
 */
@Service
public class RequestWithdrawal {

    private final WalletTransactions transactions;
    private final Withdrawals withdrawals;
    private final Withholdings withholdings;
    private final Identities identities;
    private final MemberFlags flags;
    private final WithdrawalHistory history;
    private final Pricing pricing;
    private final WithdrawalProperties props;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public RequestWithdrawal(
            WalletTransactions transactions,
            Withdrawals withdrawals,
            Withholdings withholdings,
            Identities identities,
            MemberFlags flags,
            WithdrawalHistory history,
            Pricing pricing,
            WithdrawalProperties props,
            Outbox outbox,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.withdrawals = withdrawals;
        this.withholdings = withholdings;
        this.identities = identities;
        this.flags = flags;
        this.history = history;
        this.pricing = pricing;
        this.props = props;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    public record Requested(Withdrawal withdrawal, boolean replayed) {}

    public Requested request(long memberId, String idempotencyKey, long amountFen, Channel channel) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 64) {
            throw new PlatformException.InvalidRequest("IDEMPOTENCY_KEY_INVALID", "Idempotency-Key 须为 1 到 64 个字符");
        }
        String hash = requestHash(amountFen, channel);
        if (identities.of(memberId).isEmpty()) {
            throw new PlatformException.Refused("IDENTITY_NOT_VERIFIED", "请先完成实名认证");
        }
        return transactions.underLockWithoutCreating(memberId, balances -> {
            var existing = withdrawals.byKey(memberId, idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get().requestHash().equals(hash)) {
                    throw new PlatformException.Refused("IDEMPOTENCY_KEY_REUSED", "该 Idempotency-Key 已用于另一笔不同的提现请求");
                }
                return new Requested(existing.get(), true);
            }
            Instant now = clock.instant();
            Pricing.Priced priced = pricing.price(memberId, amountFen, channel, balances, now);
            ReviewPolicy.Review review = props.review().reviewOf(amountFen, flags.isFlagged(memberId));
            WithdrawalStatus status =
                    review == ReviewPolicy.Review.AUTOMATIC ? WithdrawalStatus.APPROVED : WithdrawalStatus.REVIEWING;
            long id = ids.nextId();
            Withdrawal w = new Withdrawal(
                    id,
                    memberId,
                    idempotencyKey,
                    hash,
                    channel,
                    amountFen,
                    priced.quote().feeFen(),
                    priced.quote().taxFen(),
                    priced.quote().netFen(),
                    priced.withholding().method(),
                    status,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    now,
                    now,
                    null);
            Posting freeze;
            try {
                freeze = new Posting(
                        EntryType.WITHDRAWAL_FROZEN,
                        "withdrawal:" + id + ":frozen",
                        amountFen,
                        Movements.of(EntryType.WITHDRAWAL_FROZEN, amountFen, balances));
            } catch (WalletRefused e) {
                throw e.reason() == WalletRefused.Reason.BLOCKED_BY_DEBT
                        ? new PlatformException.Refused("WITHDRAWAL_BLOCKED_BY_DEBT", "存在待抵扣的佣金欠款,暂不能提现")
                        : new PlatformException.Refused("WITHDRAWAL_INSUFFICIENT_BALANCE", "可提现余额不足");
            }
            withdrawals.insert(w);
            withholdings.record(
                    id,
                    memberId,
                    priced.taxMonth(),
                    amountFen,
                    priced.quote().taxFen(),
                    priced.withholding().method(),
                    now);
            transactions.post(memberId, freeze);
            history.append(w, "member:" + memberId, "REQUESTED", null, WithdrawalStatus.REVIEWING, null, now);
            outbox.append(memberId, WithdrawalEvents.requested(w, now));
            if (status == WithdrawalStatus.APPROVED) {
                history.append(
                        w, "system", "AUTO_APPROVED", WithdrawalStatus.REVIEWING, WithdrawalStatus.APPROVED, null, now);
                outbox.append(memberId, WithdrawalEvents.approved(w, now));
            }
            return new Requested(w, false);
        });
    }

    static String requestHash(long amountFen, Channel channel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((amountFen + "|" + channel).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
