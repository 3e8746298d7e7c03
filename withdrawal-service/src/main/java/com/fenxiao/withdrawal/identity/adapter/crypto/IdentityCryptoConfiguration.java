package com.fenxiao.withdrawal.identity.adapter.crypto;

import com.fenxiao.withdrawal.identity.domain.IdNumberVault;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityCryptoConfiguration {

    @Bean
    IdNumberVault idNumberVault(IdentityCryptoProperties props) {
        if (props.getKeys().isEmpty() || props.getActiveKey() == null || props.getHashKey() == null) {
            throw new IllegalStateException("platform.identity.crypto.keys, active-key and hash-key must be configured"
                    + " (PLATFORM_IDENTITY_CRYPTO_KEYS_<ID>, PLATFORM_IDENTITY_CRYPTO_ACTIVE_KEY,"
                    + " PLATFORM_IDENTITY_CRYPTO_HASH_KEY)");
        }
        return new AesGcmIdNumberVault(props.getKeys(), props.getActiveKey(), props.getHashKey());
    }
}
