package com.fenxiao.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;

class AcceptGuardInterceptorTest {

    static class Handlers {
        public Object json() {
            return null;
        }

        public ResponseEntity<byte[]> csv() {
            return null;
        }
    }

    private final AcceptGuardInterceptor guard = new AcceptGuardInterceptor();

    private boolean passes(String method, String accept, String handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/x");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return guard.preHandle(request, new MockHttpServletResponse(), new HandlerMethod(new Handlers(), handler));
    }

    @Test
    void refuses_a_write_that_cannot_take_json_before_its_handler_runs() {
        assertThatThrownBy(() -> passes("POST", "text/html", "json"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> passes("DELETE", "application/xml", "json"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> passes("PUT", "garbage/", "json"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    @Test
    void lets_through_json_wildcards_no_accept_reads_and_byte_answers() throws Exception {
        assertThat(passes("POST", "application/json", "json")).isTrue();
        assertThat(passes("POST", "text/html, */*;q=0.1", "json")).isTrue();
        assertThat(passes("POST", "application/*", "json")).isTrue();
        assertThat(passes("POST", null, "json")).isTrue();
        assertThat(passes("GET", "text/html", "json")).isTrue();
        assertThat(passes("POST", "text/csv", "csv")).isTrue();
    }
}
