package com.fenxiao.withdrawal.identity.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmIdNumberVaultTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String HASH =
            Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-hash-".getBytes());
    private static final String ID = "11010519491231002X";

    @Test
    void encrypts_so_the_number_is_not_in_the_stored_text_and_decrypts_back() {
        AesGcmIdNumberVault vault = new AesGcmIdNumberVault(Map.of("k1", K1), "k1", HASH);
        String stored = vault.encrypt(ID);
        assertThat(stored).startsWith("v1:k1:").doesNotContain(ID).doesNotContain("19491231");
        assertThat(vault.encrypt(ID)).isNotEqualTo(stored); // a fresh IV every time
        assertThat(vault.decrypt(stored)).isEqualTo(ID);
    }

    @Test
    void reads_values_of_an_older_key_after_rotation_and_says_they_need_re_encryption() {
        String old = new AesGcmIdNumberVault(Map.of("k1", K1), "k1", HASH).encrypt(ID);
        AesGcmIdNumberVault rotated = new AesGcmIdNumberVault(Map.of("k1", K1, "k2", K2), "k2", HASH);
        assertThat(rotated.decrypt(old)).isEqualTo(ID);
        assertThat(rotated.needsReEncryption(old)).isTrue();
        assertThat(rotated.needsReEncryption(rotated.encrypt(ID))).isFalse();
    }

    @Test
    void refuses_a_tampered_value() {
        AesGcmIdNumberVault vault = new AesGcmIdNumberVault(Map.of("k1", K1), "k1", HASH);
        String stored = vault.encrypt(ID);
        // flip one bit of the sealed bytes (not of the base64 text, whose last character may carry only
        // padding bits, which made this test pass or fail by chance)
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] sealed = Base64.getDecoder().decode(stored.substring(prefix.length()));
        sealed[sealed.length - 1] ^= 0x01;
        String tampered = prefix + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> vault.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.decrypt("v1:unknown:AAAA")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hashes_deterministically_under_its_key_and_differently_under_another() {
        AesGcmIdNumberVault vault = new AesGcmIdNumberVault(Map.of("k1", K1), "k1", HASH);
        AesGcmIdNumberVault other = new AesGcmIdNumberVault(Map.of("k1", K1), "k1", K2);
        assertThat(vault.keyedHash(ID))
                .isEqualTo(vault.keyedHash(ID))
                .hasSize(64)
                .doesNotContain(ID);
        assertThat(other.keyedHash(ID)).isNotEqualTo(vault.keyedHash(ID));
    }

    @Test
    void refuses_an_active_key_that_is_not_configured_and_short_keys() {
        assertThatThrownBy(() -> new AesGcmIdNumberVault(Map.of("k1", K1), "k2", HASH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcmIdNumberVault(Map.of("k1", "AAAA"), "k1", HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
