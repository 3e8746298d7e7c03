package com.fenxiao.withdrawal.request.adapter.web;

import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.withdrawal.request.application.ListWithdrawals;
import com.fenxiao.withdrawal.request.application.QuoteWithdrawal;
import com.fenxiao.withdrawal.request.application.RequestWithdrawal;
import com.fenxiao.withdrawal.request.domain.Quote;
import com.fenxiao.withdrawal.request.domain.Withdrawal;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WithdrawalController {

    private final QuoteWithdrawal quote;
    private final RequestWithdrawal request;
    private final ListWithdrawals list;

    WithdrawalController(QuoteWithdrawal quote, RequestWithdrawal request, ListWithdrawals list) {
        this.quote = quote;
        this.request = request;
        this.list = list;
    }

    @PostMapping("/api/v1/me/withdrawals/quote")
    QuoteView quote(CallerIdentity caller, @Valid @RequestBody WithdrawalBody body) {
        Quote q = quote.quote(caller.requireMember(), body.amountFen(), body.channel());
        return new QuoteView(
                q.amountFen(), q.feeFen(), q.taxFen(), q.netFen(), q.channel().name(), q.expectedArrival());
    }

    /** The same key with the same body answers the same withdrawal; with another body, 409. */
    @PostMapping("/api/v1/me/withdrawals")
    ResponseEntity<WithdrawalView> request(
            CallerIdentity caller,
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @Valid @RequestBody WithdrawalBody body) {
        RequestWithdrawal.Requested r =
                request.request(caller.requireMember(), idempotencyKey, body.amountFen(), body.channel());
        return ResponseEntity.status(201).body(WithdrawalView.of(r.withdrawal()));
    }

    @GetMapping("/api/v1/me/withdrawals")
    WithdrawalPage mine(
            CallerIdentity caller,
            @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "20") int size) {
        List<Withdrawal> items = list.list(caller.requireMember(), null, null, cursor, size);
        return page(items, size);
    }

    static WithdrawalPage page(List<Withdrawal> items, int size) {
        String next = items.size() >= Math.max(1, Math.min(size, 100)) && !items.isEmpty()
                ? Long.toString(items.get(items.size() - 1).id())
                : null;
        return new WithdrawalPage(items.stream().map(WithdrawalView::of).toList(), next);
    }
}
