package com.fenxiao.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Content-Type is a wildcard ({@code *}{@code /*}) with 415: Spring MVC cannot
 * represent such a request's headers and would fail with an IllegalArgumentException (a 500) while
 * reading the body. Unparseable types are left to Spring, which answers them with 415 itself.
 */
public class ContentTypeGuardFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    public ContentTypeGuardFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && isWildcard(contentType)) {
            response.setStatus(415);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            mapper.writeValue(
                    response.getOutputStream(),
                    Problems.of(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "不支持该内容类型", ProblemAdvice.traceId()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isWildcardType();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
