package com.fenxiao.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void carries_status_code_trace_id_detail_and_extra_properties() {
        PlatformException refused = new PlatformException.Refused(
                "WITHDRAWAL_INSUFFICIENT_BALANCE", "可提现余额不足", Map.of("availableFen", 1_250L));

        ProblemDetail problem = Problems.of(refused, "req-0123456789");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).isEqualTo("可提现余额不足");
        assertThat(problem.getType())
                .isEqualTo(URI.create("https://fenxiao.dev/problems/withdrawal-insufficient-balance"));
        assertThat(problem.getProperties())
                .containsEntry("code", "WITHDRAWAL_INSUFFICIENT_BALANCE")
                .containsEntry("traceId", "req-0123456789")
                .containsEntry("availableFen", 1_250L);
    }

    @Test
    void builds_a_problem_from_a_bare_status_and_code() {
        ProblemDetail problem = Problems.of(400, ErrorCodes.VALIDATION_FAILED, "请求参数校验失败", "t-1");

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(URI.create(Problems.TYPE_BASE + "validation-failed"));
        assertThat(problem.getProperties()).containsOnlyKeys("code", "traceId");
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new PlatformException.InvalidRequest("INVALID_PARAMETER", "参数无效"), 400),
                Arguments.of(new PlatformException.Unauthenticated(ErrorCodes.TOKEN_INVALID, "请重新登录"), 401),
                Arguments.of(new PlatformException.Forbidden(ErrorCodes.FORBIDDEN, "无权执行该操作"), 403),
                Arguments.of(new PlatformException.NotFound(ErrorCodes.NOT_FOUND, "资源不存在"), 404),
                Arguments.of(new PlatformException.Refused("ALREADY_BOUND", "已绑定邀请人"), 409),
                Arguments.of(new PlatformException.RateLimited("RATE_LIMITED", "操作过于频繁"), 429));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void derives_the_http_status_from_the_kind_of_refusal(PlatformException e, int status) {
        ProblemDetail problem = Problems.of(e, "t-1");

        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getProperties()).containsEntry("code", e.code()).containsEntry("traceId", "t-1");
        assertThat(problem.getType().toString()).startsWith(Problems.TYPE_BASE);
    }
}
