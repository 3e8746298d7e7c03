package com.fenxiao.relation.wechat.domain;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where the application {@code access_token} is kept. WeChat allows one valid token per app and a new one
 * replaces the old (the old stays valid five minutes), so every instance of the service must share one
 * token and only one of them may fetch a new one at a time (Redis in production).
 */
public interface AccessTokens {

    /** The token in force; when there is none, {@code fetch} is called (by one caller at a time). */
    String current(Supplier<Fetched> fetch);

    /** Forgets {@code stale} if it is still the token in force (WeChat answered 40001, 40014 or 42001). */
    void invalidate(String stale);

    /** A token as WeChat handed it out, valid for {@code validFor} from now. */
    record Fetched(String token, Duration validFor) {}
}
