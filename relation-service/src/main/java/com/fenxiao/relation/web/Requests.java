package com.fenxiao.relation.web;

import com.fenxiao.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

/** What every controller reads off a request besides its body. */
public final class Requests {

    private Requests() {}

    /**
     * The client address as the gateway saw it: the last {@code X-Forwarded-For} hop is the one the
     * gateway appended (earlier hops are whatever the client claimed), else the peer address.
     */
    public static String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
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
