package com.fenxiao.withdrawal.identity.adapter.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.identity.crypto}: AES-256 keys by key id (base64 of 32 bytes; from the environment
 * or a secret store), the id that encrypts new values, and the HMAC key of the keyed hash. Rotation:
 * add a key, make it active, keep the old one until every value was re-encrypted.
 */
@ConfigurationProperties("platform.identity.crypto")
public class IdentityCryptoProperties {

    private Map<String, String> keys = new LinkedHashMap<>();
    private String activeKey;
    private String hashKey;

    public Map<String, String> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, String> keys) {
        this.keys = keys;
    }

    public String getActiveKey() {
        return activeKey;
    }

    public void setActiveKey(String activeKey) {
        this.activeKey = activeKey;
    }

    public String getHashKey() {
        return hashKey;
    }

    public void setHashKey(String hashKey) {
        this.hashKey = hashKey;
    }
}
