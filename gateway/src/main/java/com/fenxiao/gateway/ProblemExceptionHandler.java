package com.fenxiao.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.error.Problems;
import com.fenxiao.common.web.RequestIds;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers is an RFC 9457 problem with {@code code} and {@code traceId}
 * (the request id): refusals from {@link EdgeFilter}, unknown paths, and a service that cannot be
 * reached (503, never a bare 500). Answers from the services pass through untouched.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    /** The service did not answer in time (504). */
    public static final String UPSTREAM_TIMEOUT = "UPSTREAM_TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ObjectMapper mapper;

    public ProblemExceptionHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        String traceId = traceId(exchange);
        ProblemDetail problem = toProblem(error, traceId);
        if (problem.getStatus() >= 500) {
            log.warn(
                    "{} {} answered {} {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    problem.getStatus(),
                    problem.getProperties() == null
                            ? ""
                            : problem.getProperties().get("code"),
                    error.toString());
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(
                    asBody(problem, exchange.getRequest().getPath().value()));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().set(RequestIds.HEADER, traceId);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static ProblemDetail toProblem(Throwable error, String traceId) {
        if (error instanceof PlatformException refused) {
            return Problems.of(refused, traceId);
        }
        if (causedBy(error, TimeoutException.class)) {
            return Problems.of(504, UPSTREAM_TIMEOUT, "服务响应超时,请稍后重试", traceId);
        }
        if (causedBy(error, IOException.class)) {
            // connection refused, reset or closed early: the service is down or restarting
            return Problems.of(503, ErrorCodes.SERVICE_UNAVAILABLE, "服务暂不可用,请稍后重试", traceId);
        }
        if (error instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            return switch (code) {
                case 404 -> Problems.of(404, ErrorCodes.NOT_FOUND, "资源不存在", traceId);
                case 405 -> Problems.of(405, ErrorCodes.METHOD_NOT_ALLOWED, "不支持该请求方法", traceId);
                case 406 -> Problems.of(406, ErrorCodes.NOT_ACCEPTABLE, "无法提供该内容类型", traceId);
                case 413 -> Problems.of(413, ErrorCodes.PAYLOAD_TOO_LARGE, "请求体过大", traceId);
                case 415 -> Problems.of(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "不支持该内容类型", traceId);
                case 502, 503 -> Problems.of(503, ErrorCodes.SERVICE_UNAVAILABLE, "服务暂不可用,请稍后重试", traceId);
                case 504 -> Problems.of(504, UPSTREAM_TIMEOUT, "服务响应超时,请稍后重试", traceId);
                default ->
                    code < 500
                            ? Problems.of(code, ErrorCodes.INVALID_PARAMETER, "请求无法处理", traceId)
                            : internal(error, traceId);
            };
        }
        return internal(error, traceId);
    }

    private static ProblemDetail internal(Throwable error, String traceId) {
        log.error("unhandled error at the gateway, traceId {}", traceId, error);
        return Problems.of(500, ErrorCodes.INTERNAL_ERROR, "服务内部错误,请稍后重试", traceId);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Written by hand so the shape does not depend on which Jackson mix-ins are registered. */
    private static Map<String, Object> asBody(ProblemDetail problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private static String traceId(ServerWebExchange exchange) {
        Object known = exchange.getAttribute(EdgeFilter.REQUEST_ID_ATTRIBUTE);
        if (known != null) {
            return known.toString();
        }
        String requestId =
                RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(EdgeFilter.REQUEST_ID_ATTRIBUTE, requestId);
        return requestId;
    }
}
