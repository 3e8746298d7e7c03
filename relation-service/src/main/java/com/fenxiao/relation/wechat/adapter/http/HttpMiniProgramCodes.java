package com.fenxiao.relation.wechat.adapter.http;

import com.fenxiao.relation.wechat.WeChatProperties;
import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /wxa/getwxacodeunlimit}: an image on success, a JSON error otherwise. When WeChat says the
 * access_token is stale (another deployment refreshed it, or it expired early) the token is dropped and the
 * call made once more with a fresh one.
 */
public class HttpMiniProgramCodes implements MiniProgramCodes {

    private final WeChatHttp http;
    private final WeChatProperties props;

    public HttpMiniProgramCodes(WeChatHttp http, WeChatProperties props) {
        this.http = http;
        this.props = props;
    }

    @Override
    public byte[] unlimited(String scene, String page, int width) {
        if (scene.length() > MAX_SCENE) {
            throw new IllegalArgumentException("scene longer than " + MAX_SCENE);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scene", scene);
        body.put("page", page);
        body.put("width", width);
        body.put("check_path", false);
        body.put("env_version", props.getEnvVersion());
        String token = http.accessToken();
        try {
            return request(token, body);
        } catch (WeChatRefused e) {
            if (!e.staleAccessToken()) {
                throw e;
            }
            http.invalidateAccessToken(token);
            return request(http.accessToken(), body);
        }
    }

    private byte[] request(String token, Map<String, Object> body) {
        HttpResponse<byte[]> response =
                http.postJson("/wxa/getwxacodeunlimit?access_token=" + WeChatHttp.q(token), body);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("image/")) {
            return response.body();
        }
        http.parse(response.body()); // throws with WeChat's errcode
        throw new WeChatRefused("WeChat returned no image", false);
    }
}
