package com.fenxiao.relation.agreement.adapter.web;

import java.time.Instant;
import java.util.List;

/** The agreement in force: what the login page shows and what {@code agreementVersion} must name. */
public record AgreementView(String version, String title, List<String> paragraphs, Instant effectiveAt) {}
