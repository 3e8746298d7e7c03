package com.fenxiao.withdrawal.payout.adapter.wechat.local;

import com.fenxiao.withdrawal.payout.adapter.wechat.WeChatPayProperties;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * LOCAL PROFILE ONLY ({@code platform.wechatpay.local-fake.enabled}, set in application-local.yml):
 * starts {@link LocalWeChatPay} in the service on a free port of 127.0.0.1 with keys generated at
 * start, and points the real WeChat Pay client ({@code platform.wechatpay.*}) at it, so a withdrawal
 * approved on a developer's machine is paid through the same signed, encrypted protocol. A production
 * profile with it enabled is a deployment mistake: the service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("platform.wechatpay.local-fake.enabled")
class LocalWeChatPayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalWeChatPayConfiguration.class);

    /** Profiles in which the fake can never run. */
    static final List<String> PRODUCTION_PROFILES = List.of("prod", "production");

    static final String NOTICE_PATH = "/integration/v1/wechatpay/transfer-notices";

    static void refuseInProduction(Environment env) {
        if (Arrays.stream(env.getActiveProfiles()).anyMatch(PRODUCTION_PROFILES::contains)) {
            throw new IllegalStateException("platform.wechatpay.local-fake.enabled is set under a production profile "
                    + Arrays.toString(env.getActiveProfiles())
                    + ": the local fake WeChat Pay pays nobody and must never run in production");
        }
    }

    @Bean(destroyMethod = "close")
    LocalWeChatPay localWeChatPay(LocalWeChatPayProperties props, Environment env, Clock clock) {
        refuseInProduction(env);
        LocalWeChatPay fake = LocalWeChatPay.start();
        fake.noticeClock = clock::instant;
        fake.autoConfirmAfter = props.getConfirmAfter();
        log.warn(
                "WeChat Pay is the LOCAL FAKE at {} (bills confirmed after {}): nothing is really paid",
                fake.baseUrl(),
                props.getConfirmAfter());
        return fake;
    }

    /** Replaces whatever platform.wechatpay.* says with the fake's address and generated keys. */
    @Bean
    static BeanPostProcessor pointWeChatPayAtLocalFake(ObjectProvider<LocalWeChatPay> fake) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WeChatPayProperties p) {
                    fake.getObject().applyTo(p);
                }
                return bean;
            }
        };
    }

    /** Callbacks without a configured notify_url go to this service's own port. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> localWeChatPayNotices(LocalWeChatPay fake) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                fake.defaultNotifyUrl =
                        "http://127.0.0.1:" + event.getWebServer().getPort() + NOTICE_PATH;
            }
        };
    }
}
