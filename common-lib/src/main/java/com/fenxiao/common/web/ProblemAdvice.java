package com.fenxiao.common.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one mapping from exceptions to RFC 9457 problem details for every servlet service. Every
 * answer carries {@code code} and {@code traceId}; nothing leaks a stack trace, and nothing unknown
 * becomes anything but a logged {@code INTERNAL_ERROR}.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(PlatformException.class)
    public ResponseEntity<ProblemDetail> platform(PlatformException e, HttpServletRequest request) {
        return respond(Problems.of(e, traceId()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(
                Problems.of(400, ErrorCodes.INVALID_PARAMETER, "参数 " + e.getName() + " 的值无效", traceId()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(400, ErrorCodes.VALIDATION_FAILED, "请求参数校验失败", traceId());
        problem.setProperty(
                "errors",
                e.getConstraintViolations().stream()
                        .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                        .toList());
        return respond(problem, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        log.info(
                "duplicate key surfaced to the edge: {}",
                e.getMostSpecificCause().getMessage());
        return respond(Problems.of(409, ErrorCodes.CONFLICT, "请求与已有数据冲突,请稍后重试", traceId()), request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(500, ErrorCodes.INTERNAL_ERROR, "服务内部错误,请稍后重试", traceId()), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = Problems.of(statusCode.value(), codeFor(ex, statusCode), detailFor(ex), traceId());
        if (ex instanceof MethodArgumentNotValidException invalid) {
            List<Map<String, Object>> errors = invalid.getBindingResult().getFieldErrors().stream()
                    .map(f -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("field", f.getField());
                        m.put("message", f.getDefaultMessage());
                        return m;
                    })
                    .toList();
            problem.setProperty("errors", errors);
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(out).body(problem);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return ErrorCodes.VALIDATION_FAILED;
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return ErrorCodes.MALFORMED_BODY;
        }
        if (ex instanceof MissingServletRequestParameterException || ex instanceof MissingRequestHeaderException) {
            return ErrorCodes.MISSING_PARAMETER;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ErrorCodes.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return ErrorCodes.NOT_ACCEPTABLE;
        }
        if (ex instanceof NoResourceFoundException) {
            return ErrorCodes.NOT_FOUND;
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return ErrorCodes.PAYLOAD_TOO_LARGE;
        }
        return status.is4xxClientError() ? ErrorCodes.INVALID_PARAMETER : ErrorCodes.INTERNAL_ERROR;
    }

    private static String detailFor(Exception ex) {
        if (ex instanceof MethodArgumentNotValidException || ex instanceof HandlerMethodValidationException) {
            return "请求参数校验失败";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "请求体格式错误";
        }
        if (ex instanceof MissingServletRequestParameterException p) {
            return "缺少参数 " + p.getParameterName();
        }
        if (ex instanceof MissingRequestHeaderException h) {
            return "缺少请求头 " + h.getHeaderName();
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "不支持该请求方法";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "不支持该内容类型";
        }
        if (ex instanceof NoResourceFoundException) {
            return "资源不存在";
        }
        return "请求无法处理";
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static String traceId() {
        String id = MDC.get(RequestIds.MDC_KEY);
        return id != null ? id : RequestIds.acceptOrCreate(null);
    }
}
