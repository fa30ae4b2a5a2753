package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class ErrorsOutsideSpringMvcTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void an_exception_in_a_filter_is_a_500_internal_error_problem_without_its_message() {
        MockHttpServletRequest request = forwardedError(500, "/orders/1");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("JWKS at 10.0.0.1 down"));

        ResponseEntity<ProblemDetail> response = controller.error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "internal-error");
        assertThat(response.getBody().getInstance().toString()).isEqualTo("/orders/1");
        assertThat(String.valueOf(response.getBody().getDetail())).doesNotContain("10.0.0.1");
    }

    @Test
    void a_client_error_keeps_its_status() {
        ResponseEntity<ProblemDetail> response = controller.error(forwardedError(404, "/nowhere"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getStatus()).isEqualTo(404);
    }

    private static MockHttpServletRequest forwardedError(int status, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
