package com.fenxiao.commission.ingestion.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HTTP path's proof of origin (API.md): {@code X-Signature} is the lowercase hex HMAC-SHA256, keyed
 * with the client's shared secret, of the {@code X-Timestamp} value (Unix seconds) immediately followed
 * by the raw body bytes. A timestamp more than the window away from now (either side) is refused, so a
 * captured request cannot be replayed later; within the window a replay is only a duplicate, which the
 * engine ignores by event id and natural key.
 */
public final class SignedDelivery {

    public static final String MISSING = "SIGNATURE_MISSING";
    public static final String UNKNOWN_CLIENT = "UNKNOWN_CLIENT";
    public static final String EXPIRED = "SIGNATURE_EXPIRED";
    public static final String INVALID = "SIGNATURE_INVALID";

    private final Map<String, String> secrets;
    private final Duration window;

    public SignedDelivery(Map<String, String> secrets, Duration window) {
        this.secrets = Map.copyOf(secrets);
        this.window = window;
    }

    public static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** @throws Refused with the reason when the delivery is not proven to come from the client */
    public void verify(String clientId, String timestamp, String signature, byte[] body, Instant now) {
        if (isBlank(clientId) || isBlank(timestamp) || isBlank(signature)) {
            throw new Refused(MISSING, "X-Client-Id, X-Timestamp and X-Signature are required");
        }
        String secret = secrets.get(clientId);
        if (secret == null) {
            throw new Refused(UNKNOWN_CLIENT, "unknown client");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Refused(INVALID, "X-Timestamp must be Unix seconds");
        }
        // compared in seconds: a timestamp beyond Instant's range is simply far outside the window
        if (Math.abs((double) seconds - now.getEpochSecond()) > window.toSeconds()) {
            throw new Refused(EXPIRED, "X-Timestamp is outside the " + window.toMinutes() + "-minute window");
        }
        String given = signature.strip();
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        byte[] expected = sign(secret, timestamp.strip(), body);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused(INVALID, "X-Signature must be hex");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new Refused(INVALID, "signature does not match");
        }
    }

    /** HMAC-SHA256(secret, timestamp ‖ body): what a client computes (also used by tests). */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signHex(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(sign(secret, timestamp, body));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
