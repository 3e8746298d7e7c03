package com.fenxiao.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Bad input found by the fuzzing pass (issue 8) that used to end as a 500. */
class BadInputGuardsTest {

    record ReasonBody(String reason) {}

    @Test
    void a_body_naming_a_member_twice_is_malformed_not_a_definition_error() throws Exception {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new WebAutoConfiguration().strictDuplicateDetection().customize(builder);
        ObjectMapper mapper = builder.build();

        assertThatThrownBy(() -> mapper.readValue("{\"reason\":\"a\",\"reason\":null}", ReasonBody.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'reason'");
        assertThat(mapper.readValue("{\"reason\":\"a\"}", ReasonBody.class).reason())
                .isEqualTo("a");
    }

    @Test
    void a_wildcard_content_type_is_refused_with_a_415_problem() throws Exception {
        ContentTypeGuardFilter filter = new ContentTypeGuardFilter(new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/v1/settlement/runs");
        request.setContentType("*/*");
        request.setContent("{}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void other_content_types_pass_through_to_spring() throws Exception {
        ContentTypeGuardFilter filter = new ContentTypeGuardFilter(new ObjectMapper());
        for (String type : new String[] {"application/json", "garbage", "text/plain"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
            request.setContentType(type);
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(type).isNotNull();
        }
    }
}
