package com.fenxiao.gateway;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.PlatformException;
import com.fenxiao.common.security.AccessRules;
import com.fenxiao.common.security.CallerIdentity;
import com.fenxiao.common.security.Tokens;
import com.fenxiao.common.web.RequestIds;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every request passes before it is routed:
 *
 * <ol>
 *   <li>it gets a request id ({@code X-Request-Id}, the caller's when safe), echoed on the answer and
 *       forwarded;
 *   <li>identity headers sent from outside are dropped: only a signed token names a caller;
 *   <li>the client's address is worked out past the trusted proxies ({@link ClientAddresses}) and
 *       forwarded in {@link ClientAddresses#HEADER}, replacing whatever the caller sent in it;
 *   <li>paths that try to climb out of a route ({@code ..}, encoded slashes or dots, matrix
 *       parameters) are refused, and {@code /internal/**} does not exist from outside;
 *   <li>the bearer token is verified and {@link AccessRules} enforced, exactly as the services do
 *       again behind the gateway. The Authorization header travels on unchanged.
 * </ol>
 *
 * Refusals are thrown as {@link PlatformException}; {@link ProblemExceptionHandler} writes them.
 */
@Component
public class EdgeFilter implements WebFilter, Ordered {

    public static final int ORDER = CrossOriginFilter.ORDER + 10;

    /** The verified caller, for the filters after this one (rate limits). */
    public static final String CALLER_ATTRIBUTE = EdgeFilter.class.getName() + ".caller";

    /** The client's address ({@link ClientAddresses}), for the filters after this one. */
    public static final String CLIENT_ADDRESS_ATTRIBUTE = EdgeFilter.class.getName() + ".clientAddress";

    /** Where the request id waits for the error handler. */
    public static final String REQUEST_ID_ATTRIBUTE = EdgeFilter.class.getName() + ".requestId";

    /** Headers only the platform itself may set; never accepted from a caller. */
    static final List<String> IDENTITY_HEADERS = List.of("X-User-Id", "X-Caller-Id", "X-Staff-Id", "X-Roles");

    private static final String BEARER = "Bearer ";
    private static final List<String> UNSAFE_IN_RAW_PATH = List.of("%2e", "%2f", "%5c", "\\", ";", "//");

    private final Tokens.Verifier verifier;
    private final ClientAddresses clientAddresses;

    public EdgeFilter(Tokens.Verifier verifier, ClientAddresses clientAddresses) {
        this.verifier = verifier;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest incoming = exchange.getRequest();
        String requestId = RequestIds.acceptOrCreate(incoming.getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        String client = clientAddresses.clientOf(
                incoming.getRemoteAddress(), incoming.getHeaders().get("X-Forwarded-For"));
        exchange.getAttributes().put(CLIENT_ADDRESS_ATTRIBUTE, client);

        ServerHttpRequest forwarded = incoming.mutate()
                .headers(headers -> {
                    IDENTITY_HEADERS.forEach(headers::remove);
                    headers.set(RequestIds.HEADER, requestId);
                    headers.set(ClientAddresses.HEADER, client);
                })
                .build();
        try {
            refuseUnsafePath(forwarded.getURI().getRawPath());
            String path = forwarded.getPath().pathWithinApplication().value();
            if (path.equals("/internal") || path.startsWith("/internal/")) {
                throw new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "资源不存在");
            }
            CallerIdentity caller =
                    authorize(AccessRules.of(path), forwarded.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            if (caller != null) {
                exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
            }
        } catch (PlatformException refused) {
            return Mono.error(refused);
        }
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private static void refuseUnsafePath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        boolean unsafe = UNSAFE_IN_RAW_PATH.stream().anyMatch(lower::contains)
                || Arrays.stream(lower.split("/")).anyMatch(s -> s.equals(".") || s.equals(".."));
        if (unsafe) {
            throw new PlatformException.InvalidRequest(ErrorCodes.INVALID_PARAMETER, "请求路径不合法");
        }
    }

    private CallerIdentity authorize(AccessRules.Need need, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            CallerIdentity caller =
                    verifier.verify(authorization.substring(BEARER.length()).trim());
            if (need == AccessRules.Need.MEMBER && !caller.isMember()) {
                throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "仅会员可访问");
            }
            if (need == AccessRules.Need.STAFF && !caller.isStaff()) {
                throw new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "仅工作人员可访问");
            }
            return caller;
        } else if (need != AccessRules.Need.NONE) {
            throw new PlatformException.Unauthenticated(ErrorCodes.UNAUTHENTICATED, "请先登录");
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
