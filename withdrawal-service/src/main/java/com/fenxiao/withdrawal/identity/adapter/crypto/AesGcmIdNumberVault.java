package com.fenxiao.withdrawal.identity.adapter.crypto;

import com.fenxiao.withdrawal.identity.domain.IdNumberVault;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a key id in every stored value ({@code v1:<kid>:<base64(iv ‖ ciphertext ‖ tag)>}),
 * so keys rotate by adding a new active key and re-encrypting on access; old keys stay readable until
 * removed. The keyed hash is HMAC-SHA256 under a separate key.
 */
public final class AesGcmIdNumberVault implements IdNumberVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1:";

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    /** Keys are base64 of 32 random bytes. */
    public AesGcmIdNumberVault(Map<String, String> base64Keys, String activeKeyId, String base64HashKey) {
        if (!base64Keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active key " + activeKeyId + " is not among the configured keys");
        }
        this.keys = base64Keys.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> aes(e.getValue())));
        this.activeKeyId = activeKeyId;
        byte[] hash = Base64.getDecoder().decode(base64HashKey);
        if (hash.length < 32) {
            throw new IllegalArgumentException("the hash key must have at least 32 bytes");
        }
        this.hashKey = new SecretKeySpec(hash, "HmacSHA256");
    }

    private static SecretKeySpec aes(String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalArgumentException("AES keys must be 32 bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String decrypt(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !stored.startsWith(PREFIX) || !keys.containsKey(parts[1])) {
            throw new IllegalStateException("unreadable ID number (unknown format or key id)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("ID number failed authentication", e);
        }
    }

    @Override
    public String keyedHash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean needsReEncryption(String stored) {
        return !stored.startsWith(PREFIX + activeKeyId + ":");
    }
}
