package com.fenxiao.relation.wechat;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.wechat.adapter.http.HttpMiniProgramCodes;
import com.fenxiao.relation.wechat.adapter.http.HttpWeChatSessions;
import com.fenxiao.relation.wechat.adapter.http.WeChatHttp;
import com.fenxiao.relation.wechat.adapter.local.LocalMiniProgramCodes;
import com.fenxiao.relation.wechat.adapter.local.LocalWeChatSessions;
import com.fenxiao.relation.wechat.adapter.redis.RedisAccessTokens;
import com.fenxiao.relation.wechat.adapter.redis.RedisCachedMiniProgramCodes;
import com.fenxiao.relation.wechat.adapter.zxing.ZxingQrCodes;
import com.fenxiao.relation.wechat.domain.MiniProgramCodes;
import com.fenxiao.relation.wechat.domain.QrCodes;
import com.fenxiao.relation.wechat.domain.WeChatSessions;
import java.util.Arrays;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses WeChat's real endpoints or the local stand-in. The stand-in is a test double: a production
 * profile with it enabled is a deployment mistake, so the service refuses to start rather than let
 * anyone log in as any openid.
 */
@Configuration(proxyBeanMethods = false)
public class WeChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    /** Profiles in which the stand-in can never run. */
    static final String[] PRODUCTION_PROFILES = {"prod", "production"};

    static void refuseStandInInProduction(WeChatProperties props, Environment env) {
        boolean production = Arrays.stream(env.getActiveProfiles())
                .anyMatch(p -> Arrays.asList(PRODUCTION_PROFILES).contains(p));
        if (production && props.isStandIn()) {
            throw new IllegalStateException("platform.wechat.stand-in is enabled under a production profile "
                    + Arrays.toString(env.getActiveProfiles())
                    + ": the local WeChat stand-in accepts any login code and must never run in production");
        }
        if (!props.isStandIn() && !props.credentialsConfigured()) {
            throw new IllegalStateException("platform.wechat.app-id and app-secret (WECHAT_APP_ID, WECHAT_APP_SECRET)"
                    + " are required unless the local stand-in is enabled (local profile, tests)");
        }
    }

    @Bean
    QrCodes qrCodes() {
        return new ZxingQrCodes();
    }

    /** The Redis keys of one app's shared WeChat state, under the service's cache prefix. */
    static String keyPrefix(RelationProperties relation, WeChatProperties props) {
        return relation.getCache().getKeyPrefix() + "wechat:" + props.getAppId() + ":";
    }

    @Bean
    WeChatHttp weChatHttp(
            WeChatProperties props, RelationProperties relation, Environment env, RedissonClient redisson) {
        refuseStandInInProduction(props, env);
        return new WeChatHttp(
                props,
                new RedisAccessTokens(
                        redisson,
                        keyPrefix(relation, props) + "access-token",
                        WeChatHttp.TOKEN_MARGIN,
                        props.getTokenRefreshWait()));
    }

    @Bean
    WeChatSessions weChatSessions(WeChatProperties props, WeChatHttp http) {
        if (props.isStandIn()) {
            log.warn("WeChat code2session is answered by the LOCAL STAND-IN: any code logs in");
            return new LocalWeChatSessions();
        }
        return new HttpWeChatSessions(http);
    }

    @Bean
    MiniProgramCodes miniProgramCodes(
            WeChatProperties props, RelationProperties relation, WeChatHttp http, QrCodes qr, RedissonClient redisson) {
        MiniProgramCodes source =
                props.isStandIn() ? new LocalMiniProgramCodes(qr) : new HttpMiniProgramCodes(http, props);
        return new RedisCachedMiniProgramCodes(
                source,
                redisson,
                keyPrefix(relation, props) + "wxacode:" + props.getEnvVersion() + ":",
                props.getCodeCacheTtl());
    }
}
