package com.fenxiao.common.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.error.Problems;
import com.fenxiao.common.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Verifies the bearer token again in each service (the gateway verified it too) and exposes the
 * caller as a request attribute. Identity headers sent from outside are ignored: only a token
 * signed by the platform's key names a caller.
 */
public class CallerAuthenticationFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = CallerIdentity.class.getName();

    private final Tokens.Verifier verifier;
    private final ObjectMapper mapper;

    public CallerAuthenticationFilter(Tokens.Verifier verifier, ObjectMapper mapper) {
        this.verifier = verifier;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessRules.Need need = AccessRules.of(request.getRequestURI());
        String header = request.getHeader("Authorization");
        try {
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                CallerIdentity caller = verifier.verify(header.substring(7).trim());
                request.setAttribute(ATTRIBUTE, caller);
                if (need == AccessRules.Need.MEMBER && !caller.isMember()) {
                    throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "仅会员可访问");
                }
                if (need == AccessRules.Need.STAFF && !caller.isStaff()) {
                    throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "仅工作人员可访问");
                }
            } else if (need != AccessRules.Need.NONE) {
                throw new PlatformException.Unauthenticated(ErrorCodes.UNAUTHENTICATED, "请先登录");
            }
        } catch (PlatformException e) {
            Object requestId = request.getAttribute(RequestIds.MDC_KEY);
            ProblemDetail problem =
                    Problems.of(e, requestId == null ? RequestIds.acceptOrCreate(null) : requestId.toString());
            response.setStatus(e.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            mapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
