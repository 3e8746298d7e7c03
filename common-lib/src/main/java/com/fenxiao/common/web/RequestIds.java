package com.fenxiao.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids travel in {@code X-Request-Id}; the gateway sets one when the caller did not. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {}

    /** Keeps a caller's id only when it is safe to log; otherwise makes a new one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && SAFE.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The id of the request being served (the filter put it in the log context), or a new one. */
    public static String current() {
        String id = org.slf4j.MDC.get(MDC_KEY);
        return id != null ? id : acceptOrCreate(null);
    }
}
