package com.fenxiao.withdrawal.payout.adapter.wechat;

import com.fenxiao.withdrawal.payout.domain.Bill;
import com.fenxiao.withdrawal.payout.domain.Merchant;
import com.fenxiao.withdrawal.payout.domain.NoticeRefused;
import com.fenxiao.withdrawal.payout.domain.TransferBills;
import com.fenxiao.withdrawal.payout.domain.TransferNotices;
import com.fenxiao.withdrawal.payout.domain.TransferOutcomeUnknown;
import com.fenxiao.withdrawal.payout.domain.TransferRequest;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.cipher.AeadAesCipher;
import com.wechat.pay.java.core.cipher.RSAPrivacyEncryptor;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.util.PemUtil;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WeChatPayConfiguration {

    /** Read on each call: the local fake points the properties at itself after they are bound. */
    @Bean
    Merchant weChatMerchant(WeChatPayProperties p) {
        return new Merchant() {
            @Override
            public String mchId() {
                return p.getMchId();
            }

            @Override
            public String appId() {
                return p.getAppid();
            }
        };
    }

    /** Real merchant credentials, or the local profile's in-process fake (which supplies its own). */
    static class Configured extends AnyNestedCondition {
        Configured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("platform.wechatpay.enabled")
        static class Credentials {}

        @ConditionalOnProperty("platform.wechatpay.local-fake.enabled")
        static class LocalFake {}
    }

    static class NotConfigured extends NoneNestedConditions {
        NotConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("platform.wechatpay.enabled")
        static class Credentials {}

        @ConditionalOnProperty("platform.wechatpay.local-fake.enabled")
        static class LocalFake {}
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Configured.class)
    static class Enabled {

        @Bean
        RSAPublicKeyConfig weChatPayConfig(WeChatPayProperties p) {
            return new RSAPublicKeyConfig.Builder()
                    .merchantId(p.getMchId())
                    .privateKey(p.getPrivateKey())
                    .merchantSerialNumber(p.getMerchantSerialNumber())
                    .publicKey(p.getPublicKey())
                    .publicKeyId(p.getPublicKeyId())
                    .apiV3Key(p.getApiV3Key())
                    .build();
        }

        @Bean
        TransferBills weChatTransferBills(RSAPublicKeyConfig config, WeChatPayProperties p) {
            var client = new DefaultHttpClientBuilder()
                    .config(config)
                    .connectTimeoutMs((int) p.getConnectTimeout().toMillis())
                    .readTimeoutMs((int) p.getReadTimeout().toMillis())
                    .writeTimeoutMs((int) p.getReadTimeout().toMillis())
                    .disableRetryOnConnectionFailure()
                    .build();
            PublicKey key = PemUtil.loadPublicKeyFromString(p.getPublicKey());
            return new WeChatTransferBills(client, new RSAPrivacyEncryptor(key, p.getPublicKeyId()), p);
        }

        @Bean
        TransferNotices weChatTransferNotices(WeChatPayProperties p, Clock clock) {
            PublicKey key = PemUtil.loadPublicKeyFromString(p.getPublicKey());
            return new WeChatTransferNotices(
                    new RSAVerifier(key, p.getPublicKeyId()),
                    new AeadAesCipher(p.getApiV3Key().getBytes(StandardCharsets.UTF_8)),
                    p.getPublicKeyId(),
                    p.getNoticeWindow(),
                    clock);
        }
    }

    /** Without merchant credentials nothing is sent and every callback is refused. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NotConfigured.class)
    static class Disabled {

        @Bean
        TransferBills unconfiguredTransferBills() {
            return new TransferBills() {
                @Override
                public Bill create(TransferRequest request) throws TransferOutcomeUnknown {
                    throw new TransferOutcomeUnknown("WeChat Pay is not configured", null);
                }

                @Override
                public Optional<Bill> query(String outBillNo) throws TransferOutcomeUnknown {
                    throw new TransferOutcomeUnknown("WeChat Pay is not configured", null);
                }

                @Override
                public Bill cancel(String outBillNo) throws TransferOutcomeUnknown {
                    throw new TransferOutcomeUnknown("WeChat Pay is not configured", null);
                }
            };
        }

        @Bean
        TransferNotices refusingTransferNotices() {
            return (headers, body) -> {
                throw new NoticeRefused("WeChat Pay is not configured");
            };
        }
    }
}
