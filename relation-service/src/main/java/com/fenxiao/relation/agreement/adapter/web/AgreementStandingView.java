package com.fenxiao.relation.agreement.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A member against the agreement in force; {@code reacceptRequired} asks them to accept {@code current}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementStandingView(
        String acceptedVersion,
        Instant acceptedAt,
        String currentVersion,
        boolean reacceptRequired,
        AgreementView current) {}
