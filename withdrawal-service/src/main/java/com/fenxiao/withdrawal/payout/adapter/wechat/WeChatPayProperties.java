package com.fenxiao.withdrawal.payout.adapter.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.wechatpay}: the merchant's APIv3 credentials (private key and serial, the WeChat Pay
 * public key and its id, the APIv3 key) from the environment or a secret store, never the repository.
 */
@ConfigurationProperties("platform.wechatpay")
public class WeChatPayProperties {

    private boolean enabled;
    private String baseUrl = "https://api.mch.weixin.qq.com";
    private String appid;
    private String mchId;
    private String merchantSerialNumber;
    /** PKCS#8 PEM of the merchant API private key. */
    private String privateKey;
    /** PEM of the WeChat Pay public key (public-key mode, no platform certificates to download). */
    private String publicKey;

    private String publicKeyId;
    private String apiV3Key;
    private String notifyUrl;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration readTimeout = Duration.ofSeconds(10);
    /** Callbacks whose timestamp is further than this from now are refused (replay). */
    private Duration noticeWindow = Duration.ofMinutes(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAppid() {
        return appid;
    }

    public void setAppid(String appid) {
        this.appid = appid;
    }

    public String getMchId() {
        return mchId;
    }

    public void setMchId(String mchId) {
        this.mchId = mchId;
    }

    public String getMerchantSerialNumber() {
        return merchantSerialNumber;
    }

    public void setMerchantSerialNumber(String merchantSerialNumber) {
        this.merchantSerialNumber = merchantSerialNumber;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getPublicKeyId() {
        return publicKeyId;
    }

    public void setPublicKeyId(String publicKeyId) {
        this.publicKeyId = publicKeyId;
    }

    public String getApiV3Key() {
        return apiV3Key;
    }

    public void setApiV3Key(String apiV3Key) {
        this.apiV3Key = apiV3Key;
    }

    public String getNotifyUrl() {
        return notifyUrl;
    }

    public void setNotifyUrl(String notifyUrl) {
        this.notifyUrl = notifyUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getNoticeWindow() {
        return noticeWindow;
    }

    public void setNoticeWindow(Duration noticeWindow) {
        this.noticeWindow = noticeWindow;
    }
}
