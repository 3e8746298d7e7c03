package com.fenxiao.relation.web;

import com.fenxiao.common.error.Problems;
import com.fenxiao.relation.wechat.domain.WeChatRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** WeChat being unreachable or refusing our credentials is a 503 for the caller, not a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WeChatProblems {

    private static final Logger log = LoggerFactory.getLogger(WeChatProblems.class);

    @ExceptionHandler(WeChatRefused.class)
    ResponseEntity<ProblemDetail> weChat(WeChatRefused e, HttpServletRequest request) {
        log.warn("WeChat call failed on {}: {}", request.getRequestURI(), e.getMessage());
        ProblemDetail problem = Problems.of(503, "WECHAT_UNAVAILABLE", "微信服务暂时不可用,请稍后重试", Requests.requestId(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(503)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
