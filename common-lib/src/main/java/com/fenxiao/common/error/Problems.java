package com.fenxiao.common.error;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with the platform's two extra members, {@code code} and {@code traceId}. */
public final class Problems {

    public static final String TYPE_BASE = "https://fenxiao.dev/problems/";

    private Problems() {}

    public static ProblemDetail of(int status, String code, String detail, String traceId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        problem.setProperty("traceId", traceId);
        return problem;
    }

    public static ProblemDetail of(PlatformException e, String traceId) {
        ProblemDetail problem = of(e.status(), e.code(), e.getMessage(), traceId);
        e.properties().forEach(problem::setProperty);
        return problem;
    }
}
