package com.fenxiao.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a state-changing request whose {@code Accept} cannot take the JSON answer (406) before its
 * handler runs. Spring negotiates the answer's type only after the handler returned, so without this a
 * {@code POST … Accept: text/html} commits its change (member, audit, outbox) and then answers 406: the
 * caller is told it failed while it happened. Handlers answering raw bytes (a CSV batch) choose their
 * own type and are left alone, as are reads (a refused read changes nothing).
 */
public class AcceptGuardInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> ANSWERS =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (SAFE.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || takesJson(accept) || answersBytes(method)) {
            return true;
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }

    private static boolean takesJson(String accept) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType a : accepted) {
            for (MediaType answer : ANSWERS) {
                if (a.isCompatibleWith(answer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean answersBytes(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
        if (HttpEntity.class.isAssignableFrom(type.toClass())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        return type.toClass() == byte[].class;
    }
}
