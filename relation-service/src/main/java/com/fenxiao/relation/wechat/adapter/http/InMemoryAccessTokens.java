package com.fenxiao.relation.wechat.adapter.http;

import com.fenxiao.relation.wechat.domain.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One process's token: enough for a single instance and for unit tests, not for a scaled deployment. */
public class InMemoryAccessTokens implements AccessTokens {

    private final Clock clock;
    private final Duration margin;
    private String token;
    private Instant expires = Instant.EPOCH;

    public InMemoryAccessTokens(Clock clock, Duration margin) {
        this.clock = clock;
        this.margin = margin;
    }

    @Override
    public synchronized String current(Supplier<Fetched> fetch) {
        Instant now = clock.instant();
        if (token != null && now.isBefore(expires.minus(margin))) {
            return token;
        }
        Fetched fetched = fetch.get();
        token = fetched.token();
        expires = now.plus(fetched.validFor());
        return token;
    }

    @Override
    public synchronized void invalidate(String stale) {
        if (stale != null && stale.equals(token)) {
            token = null;
            expires = Instant.EPOCH;
        }
    }
}
