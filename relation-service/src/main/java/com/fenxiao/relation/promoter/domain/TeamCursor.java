package com.fenxiao.relation.promoter.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Where a page of a team ended: the last member's join time and id, opaque to clients. */
public record TeamCursor(Instant joinedAt, long userId) {

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((joinedAt.toEpochMilli() + ":" + userId).getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for a blank cursor; throws IllegalArgumentException for one that was not made here. */
    public static Optional<TeamCursor> decode(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("bad cursor");
            }
            return Optional.of(
                    new TeamCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad cursor", e);
        }
    }
}
