package com.fenxiao.relation.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WeChat mini-program credentials and endpoints. {@code standIn} answers code2session and the
 * mini-program code locally; only the {@code local} profile and tests turn it on, and the {@code prod}
 * profile refuses to start with it.
 */
@ConfigurationProperties("platform.wechat")
public class WeChatProperties {

    private boolean standIn = false;
    private String baseUrl = "https://api.weixin.qq.com";
    private String appId = "";
    private String appSecret = "";
    /** The mini-program page a scanned mini-program code opens. */
    private String page = "pages/index/index";
    /** release, trial or develop. */
    private String envVersion = "release";

    private int timeoutMillis = 5_000;
    /** How long a mini-program code image stays in Redis (it changes only with the invite code). */
    private Duration codeCacheTtl = Duration.ofDays(30);
    /** How long an instance waits for another instance's access_token refresh. */
    private Duration tokenRefreshWait = Duration.ofSeconds(10);

    public Duration getCodeCacheTtl() {
        return codeCacheTtl;
    }

    public void setCodeCacheTtl(Duration codeCacheTtl) {
        this.codeCacheTtl = codeCacheTtl;
    }

    public Duration getTokenRefreshWait() {
        return tokenRefreshWait;
    }

    public void setTokenRefreshWait(Duration tokenRefreshWait) {
        this.tokenRefreshWait = tokenRefreshWait;
    }

    public boolean credentialsConfigured() {
        return appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
    }

    public boolean isStandIn() {
        return standIn;
    }

    public void setStandIn(boolean standIn) {
        this.standIn = standIn;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getEnvVersion() {
        return envVersion;
    }

    public void setEnvVersion(String envVersion) {
        this.envVersion = envVersion;
    }

    public int getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
