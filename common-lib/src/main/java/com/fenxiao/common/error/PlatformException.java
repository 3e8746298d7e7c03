package com.fenxiao.common.error;

import java.util.Map;

/**
 * The one family of domain and edge refusals. Each carries a stable upper-snake-case code that
 * clients may rely on; the HTTP status is derived from the kind, never chosen at the throw site.
 * The message is the human (zh-CN) detail shown to the caller.
 */
public abstract sealed class PlatformException extends RuntimeException
        permits PlatformException.InvalidRequest,
                PlatformException.Unauthenticated,
                PlatformException.Forbidden,
                PlatformException.NotFound,
                PlatformException.Refused,
                PlatformException.RateLimited {

    private final String code;
    private final Map<String, Object> properties;

    protected PlatformException(String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public abstract int status();

    /** Input that can never succeed as sent (400). */
    public static final class InvalidRequest extends PlatformException {
        public InvalidRequest(String code, String detail) {
            this(code, detail, Map.of());
        }

        public InvalidRequest(String code, String detail, Map<String, Object> properties) {
            super(code, detail, properties);
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** No valid credentials (401). */
    public static final class Unauthenticated extends PlatformException {
        public Unauthenticated(String code, String detail) {
            super(code, detail, Map.of());
        }

        @Override
        public int status() {
            return 401;
        }
    }

    /** Valid credentials, not allowed (403). */
    public static final class Forbidden extends PlatformException {
        public Forbidden(String code, String detail) {
            super(code, detail, Map.of());
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** The thing asked for does not exist, or is not the caller's to see (404). */
    public static final class NotFound extends PlatformException {
        public NotFound(String code, String detail) {
            super(code, detail, Map.of());
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** A business rule refuses the request in the current state (409). */
    public static final class Refused extends PlatformException {
        public Refused(String code, String detail) {
            this(code, detail, Map.of());
        }

        public Refused(String code, String detail, Map<String, Object> properties) {
            super(code, detail, properties);
        }

        @Override
        public int status() {
            return 409;
        }
    }

    /** Too many requests (429). */
    public static final class RateLimited extends PlatformException {
        public RateLimited(String code, String detail) {
            super(code, detail, Map.of());
        }

        @Override
        public int status() {
            return 429;
        }
    }
}
