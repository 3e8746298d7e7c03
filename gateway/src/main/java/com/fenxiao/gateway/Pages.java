package com.fenxiao.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The people-facing pages the gateway serves from {@code classpath:/static}: the member H5 promoter
 * center at {@code /h5/} and the staff console at {@code /console/} (plain HTML and ES modules, no build
 * step). They need no token ({@code AccessRules} lets everything outside {@code /api} and {@code /admin}
 * through); every API call they make carries its own bearer token and is checked as any other.
 *
 * <p>WebFlux serves the files themselves but has no directory index, so the two folder addresses are
 * answered here, with a content security policy that keeps the pages to this origin.
 */
@Configuration(proxyBeanMethods = false)
class Pages {

    /** Page folder → the extra frame rule: the H5 opens inside a mini-program web-view; the console never framed. */
    static final Map<String, String> FOLDERS = Map.of("h5", "", "console", " frame-ancestors 'none';");

    static final String POLICY =
            "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' blob: data:;"
                    + " style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self';";

    @Bean
    RouterFunction<ServerResponse> pageIndexes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        FOLDERS.forEach((folder, framing) -> {
            Resource index = new ClassPathResource("static/" + folder + "/index.html");
            routes.GET("/" + folder, request -> ServerResponse.status(302)
                    .location(URI.create(UriComponentsBuilder.fromPath("/" + folder + "/")
                            .query(request.uri().getRawQuery())
                            .build(true)
                            .toUriString()))
                    .build());
            routes.GET("/" + folder + "/", request -> ServerResponse.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", POLICY + framing)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin")
                    .bodyValue(index));
        });
        return routes.build();
    }

    /** The pages change with each release: browsers revalidate (Last-Modified) instead of guessing freshness. */
    @Bean
    WebFilter pageCaching() {
        return new PageCaching();
    }

    static final class PageCaching implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String path =
                    exchange.getRequest().getPath().pathWithinApplication().value();
            int slash = path.indexOf('/', 1);
            if (slash > 0 && FOLDERS.containsKey(path.substring(1, slash))) {
                exchange.getResponse().beforeCommit(() -> {
                    exchange.getResponse().getHeaders().setCacheControl("no-cache");
                    return Mono.empty();
                });
            }
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return RateLimitFilter.ORDER + 10;
        }
    }
}
