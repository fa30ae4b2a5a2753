package com.fooddelivery.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * The errors Tomcat answers itself, before any filter or Spring runs (e.g. a URI with an encoded {@code /}), as
 * problem+json instead of Tomcat's HTML page: an untyped problem ({@code about:blank}) with the status's reason.
 * Everything that reaches Spring is answered by {@link ProblemResponses} and never gets here.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + title + "\",\"instance\":\""
                + jsonSafe(request.getCoyoteRequest().requestURI().toString()) + "\"}";
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/problem+json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written: nothing more to tell it.
        }
    }

    private static String jsonSafe(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9/._~%:@!$&'()*+,;=-]", "?");
    }
}
