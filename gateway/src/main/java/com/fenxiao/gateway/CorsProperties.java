package com.fenxiao.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the platform. Patterns are accepted ({@code https://*.example.com}).
 *
 * @param allowedOrigins {@code platform.gateway.cors.allowed-origins}, default {@code https://servicewechat.com}
 */
@ConfigurationProperties("platform.gateway.cors")
public record CorsProperties(@DefaultValue("https://servicewechat.com") List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
