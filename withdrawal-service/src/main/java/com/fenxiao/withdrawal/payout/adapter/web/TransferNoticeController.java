package com.fenxiao.withdrawal.payout.adapter.web;

import com.fenxiao.withdrawal.payout.application.HandleTransferNotice;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat Pay's transfer-bill callback (the notify_url). Authenticated by WeChat Pay's signature, not
 * a platform token, hence under /integration. 204 on success; a refused notice is a 401 problem, which
 * WeChat Pay retries.
 */
@RestController
class TransferNoticeController {

    private final HandleTransferNotice handle;

    TransferNoticeController(HandleTransferNotice handle) {
        this.handle = handle;
    }

    @PostMapping("/integration/v1/wechatpay/transfer-notices")
    ResponseEntity<Void> notice(@RequestHeader Map<String, String> headers, @RequestBody String body) {
        handle.handle(
                headers.entrySet().stream()
                        .collect(Collectors.toMap(
                                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a)),
                body);
        return ResponseEntity.noContent().build();
    }
}
