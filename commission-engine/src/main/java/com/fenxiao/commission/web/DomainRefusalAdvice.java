package com.fenxiao.commission.web;

import com.fenxiao.commission.record.domain.CommissionRefused;
import com.fenxiao.commission.rule.domain.RuleRefused;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The engine's domain refusals as problems with their codes, should one reach the edge unconverted. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainRefusalAdvice {

    @ExceptionHandler(RuleRefused.class)
    ResponseEntity<ProblemDetail> rule(RuleRefused e) {
        return respond(new PlatformException.InvalidRequest(e.code(), e.getMessage()));
    }

    @ExceptionHandler(CommissionRefused.class)
    ResponseEntity<ProblemDetail> commission(CommissionRefused e) {
        return respond(new PlatformException.Refused(e.code(), e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(PlatformException e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(e, WebRequests.requestId()));
    }
}
