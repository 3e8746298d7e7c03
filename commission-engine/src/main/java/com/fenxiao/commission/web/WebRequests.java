package com.fenxiao.commission.web;

import com.fenxiao.common.web.RequestIds;
import org.slf4j.MDC;

/** The id of the request being served, as the request-id filter put it in the log context. */
public final class WebRequests {

    private WebRequests() {}

    public static String requestId() {
        String id = MDC.get(RequestIds.MDC_KEY);
        return id != null ? id : RequestIds.acceptOrCreate(null);
    }

    /** Page sizes are 1…100 (API.md); absent means 20. */
    public static int pageSize(Integer size) {
        if (size == null) {
            return 20;
        }
        if (size < 1 || size > 100) {
            throw new com.fenxiao.common.error.PlatformException.InvalidRequest(
                    com.fenxiao.common.error.ErrorCodes.INVALID_PARAMETER, "size 须在 1 到 100 之间");
        }
        return size;
    }

    /** A cursor is the id of the last item of the previous page. */
    public static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new com.fenxiao.common.error.PlatformException.InvalidRequest(
                    com.fenxiao.common.error.ErrorCodes.INVALID_PARAMETER, "cursor 无效");
        }
    }
}
