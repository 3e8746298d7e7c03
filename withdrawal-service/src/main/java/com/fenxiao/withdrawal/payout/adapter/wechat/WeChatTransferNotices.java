package com.fenxiao.withdrawal.payout.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.NoticeRefused;
import com.fenxiao.withdrawal.payout.domain.TransferNotices;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Verifies a WeChat Pay callback with the SDK's verifier (Wechatpay-Signature over timestamp, nonce and
 * body; Wechatpay-Serial must name the configured public key) and this service's clock for the
 * timestamp window, then decrypts the AEAD_AES_256_GCM resource with the APIv3 key.
 */
public class WeChatTransferNotices implements TransferNotices {

    private final Verifier verifier;
    private final AeadAesCipher cipher;
    private final String publicKeyId;
    private final Duration window;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public WeChatTransferNotices(
            Verifier verifier, AeadAesCipher cipher, String publicKeyId, Duration window, Clock clock) {
        this.verifier = verifier;
        this.cipher = cipher;
        this.publicKeyId = publicKeyId;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Bill read(Map<String, String> headers, String body) throws NoticeRefused {
        String serial = headers.get("wechatpay-serial");
        String timestamp = headers.get("wechatpay-timestamp");
        String nonce = headers.get("wechatpay-nonce");
        String signature = headers.get("wechatpay-signature");
        if (serial == null || timestamp == null || nonce == null || signature == null || body == null) {
            throw new NoticeRefused("missing signature headers");
        }
        if (!publicKeyId.equals(serial)) {
            throw new NoticeRefused("unknown serial " + serial);
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            throw new NoticeRefused("bad timestamp");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(window) > 0) {
            throw new NoticeRefused("timestamp outside the window: " + timestamp);
        }
        boolean valid;
        try {
            valid = verifier.verify(serial, timestamp + "\n" + nonce + "\n" + body + "\n", signature);
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new NoticeRefused("signature does not verify");
        }
        try {
            JsonNode resource = json.readTree(body).path("resource");
            if (!"AEAD_AES_256_GCM".equals(resource.path("algorithm").asText())) {
                throw new NoticeRefused("unsupported algorithm");
            }
            String plain = cipher.decrypt(
                    resource.path("associated_data").asText("").getBytes(StandardCharsets.UTF_8),
                    resource.path("nonce").asText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(resource.path("ciphertext").asText()));
            JsonNode bill = json.readTree(plain);
            String outBillNo = bill.path("out_bill_no").asText(null);
            String state = bill.path("state").asText(null);
            if (outBillNo == null || state == null) {
                throw new NoticeRefused("resource without out_bill_no or state");
            }
            return new Bill(
                    outBillNo,
                    state,
                    bill.path("package_info").asText(null),
                    bill.path("fail_reason").asText(null));
        } catch (IOException | RuntimeException e) {
            throw new NoticeRefused("unreadable resource: " + e.getClass().getSimpleName());
        }
    }
}
