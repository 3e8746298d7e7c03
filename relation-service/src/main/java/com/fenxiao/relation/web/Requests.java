package com.fenxiao.relation.web;

import com.fenxiao.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

/** What every controller reads off a request besides its body. */
public final class Requests {

    private Requests() {}

    /** Set by the gateway on every request it forwards; the gateway drops any value a caller sent. */
    public static final String CLIENT_IP_HEADER = "X-Client-Ip";

    /**
     * The client address as the gateway worked it out past its trusted proxies ({@code X-Client-Ip});
     * without it (a call that did not come through the gateway) the peer address. {@code X-Forwarded-For}
     * is never read here: its hops are whatever the client claimed.
     */
    public static String clientIp(HttpServletRequest request) {
        String fromGateway = request.getHeader(CLIENT_IP_HEADER);
        if (fromGateway != null && !fromGateway.isBlank() && fromGateway.length() <= 64) {
            return fromGateway.strip();
        }
        return request.getRemoteAddr();
    }

    public static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static String id(Long value) {
        return value == null ? null : Long.toString(value);
    }
}
