package com.fenxiao.relation.agreement.domain;

import java.time.Instant;
import java.util.List;

/**
 * One version of the promotion agreement (SPEC §2.6) as the server keeps it: its name, title, text and
 * the moment it comes into force. The current version is the one in force most recently.
 */
public record AgreementVersion(String version, String title, List<String> paragraphs, Instant effectiveAt) {

    public AgreementVersion {
        paragraphs = List.copyOf(paragraphs);
    }

    public boolean inForceAt(Instant now) {
        return !effectiveAt.isAfter(now);
    }
}
