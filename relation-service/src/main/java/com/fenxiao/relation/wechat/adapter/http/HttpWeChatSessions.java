package com.fenxiao.relation.wechat.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import com.fenxiao.relation.wechat.domain.WeChatSessions;

/** {@code GET /sns/jscode2session}: the login code for the openid (the session key is not kept). */
public class HttpWeChatSessions implements WeChatSessions {

    private final WeChatHttp http;

    public HttpWeChatSessions(WeChatHttp http) {
        this.http = http;
    }

    @Override
    public String openidFor(String code) {
        JsonNode answer = http.getJson(
                "/sns/jscode2session?appid=" + WeChatHttp.q(http.properties().getAppId())
                        + "&secret=" + WeChatHttp.q(http.properties().getAppSecret())
                        + "&js_code=" + WeChatHttp.q(code)
                        + "&grant_type=authorization_code");
        String openid = answer.path("openid").asText(null);
        if (openid == null || openid.isBlank() || openid.length() > 64) {
            throw new WeChatRefused("code2session returned no usable openid", false);
        }
        return openid;
    }
}
