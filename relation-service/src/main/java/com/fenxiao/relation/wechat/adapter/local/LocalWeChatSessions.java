package com.fenxiao.relation.wechat.adapter.local;

import com.fenxiao.relation.wechat.domain.WeChatRefused;
import com.fenxiao.relation.wechat.domain.WeChatSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The local stand-in for code2session: the same code always maps to the same openid, different codes to
 * different openids. Only the local profile and tests use it.
 */
public class LocalWeChatSessions implements WeChatSessions {

    @Override
    public String openidFor(String code) {
        if (code == null || code.isBlank()) {
            throw new WeChatRefused("empty login code", true);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return "local-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
