package com.fenxiao.common.web;

import com.fenxiao.common.error.ErrorCodes;
import com.fenxiao.common.error.Problems;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat answers some requests itself, before any servlet runs: a path with an encoded slash or
 * backslash, a NUL byte, an unparseable request line. Its stock valve writes an HTML page; this one
 * writes the platform's problem details, so every refusal carries a {@code code}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Replaces the host's error report valves with this one. */
    public static void install(Pipeline hostPipeline) {
        for (Valve valve : hostPipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                hostPipeline.removeValve(valve);
            }
        }
        hostPipeline.addValve(new ProblemErrorReportValve());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 404
                ? ErrorCodes.NOT_FOUND
                : status < 500 ? ErrorCodes.INVALID_PARAMETER : ErrorCodes.INTERNAL_ERROR;
        String detail = status < 500 ? "请求格式错误" : "服务内部错误,请稍后重试";
        String traceId = RequestIds.acceptOrCreate(null);
        String type = Problems.TYPE_BASE + code.toLowerCase().replace('_', '-');
        String body = "{\"type\":\"" + type + "\",\"title\":\"" + (status < 500 ? "Bad Request" : "Error")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
                + "\",\"traceId\":\"" + traceId + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            ExceptionUtils.handleThrowable(e);
        }
    }
}
