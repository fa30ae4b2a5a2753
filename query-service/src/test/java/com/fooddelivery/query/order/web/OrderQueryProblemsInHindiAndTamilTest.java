package com.fooddelivery.query.order.web;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fooddelivery.query.order.query.OrderReadModel;
import com.fooddelivery.query.shared.projection.LongPollsExhaustedException;
import com.fooddelivery.security.CallerArgumentResolver;
import com.fooddelivery.testsupport.TestCallers;
import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemLanguage;
import com.fooddelivery.web.ProblemMessages;
import com.fooddelivery.web.ProblemResponses;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * query-service's 404 for an unknown order and 503 when every long-poll slot is taken, in Hindi and Tamil, with type
 * and status unchanged.
 */
class OrderQueryProblemsInHindiAndTamilTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static final RequestPostProcessor CUSTOMER = TestCallers.customer(UUID.randomUUID());

    private final OrderReadModel orders = mock(OrderReadModel.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrderQueryController(orders, Duration.ZERO))
            .setCustomArgumentResolvers(new CallerArgumentResolver())
            .setControllerAdvice(new ProblemResponses(), new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setLocaleResolver(new AcceptLanguageResolver())
            .setMessageConverters(new JacksonJsonHttpMessageConverter())
            .build();

    @AfterEach
    void signOut() {
        TestCallers.signOut();
    }

    @Test
    void an_unknown_order_is_a_404_in_hindi_tamil_and_english() throws Exception {
        when(orders.find(any(), any())).thenReturn(Optional.empty());

        mvc.perform(get("/orders/{orderId}", ORDER).with(CUSTOMER).header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/order-not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("ऑर्डर नहीं मिला"))
                .andExpect(jsonPath("$.detail").value("ऑर्डर " + ORDER + " नहीं मिला।"));

        mvc.perform(get("/orders/{orderId}", ORDER)
                        .with(CUSTOMER)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta-IN,ta;q=0.9"))
                .andExpect(status().isNotFound())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/order-not-found"))
                .andExpect(jsonPath("$.title").value("ஆர்டர் கிடைக்கவில்லை"))
                .andExpect(jsonPath("$.detail").value(ORDER + " என்ற ஆர்டர் கிடைக்கவில்லை."));

        mvc.perform(get("/orders/{orderId}", ORDER).with(CUSTOMER))
                .andExpect(jsonPath("$.title").value("Order not found"))
                .andExpect(jsonPath("$.detail").value("No order " + ORDER));
    }

    @Test
    void a_long_poll_beyond_the_limit_is_a_503_with_retry_after_in_hindi_tamil_and_english() throws Exception {
        when(orders.await(any(), any(), any(), any()))
                .thenThrow(new LongPollsExhaustedException(1000, Duration.ofMillis(1500)));

        mvc.perform(get("/orders/{orderId}?waitSeconds=20", ORDER)
                        .with(CUSTOMER)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/too-many-waiting"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("बहुत सारे अनुरोध प्रतीक्षा में हैं"))
                .andExpect(jsonPath("$.detail").value(startsWith("यह इंस्टेंस")));

        mvc.perform(get("/orders/{orderId}?waitSeconds=20", ORDER)
                        .with(CUSTOMER)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.title").value("காத்திருக்கும் கோரிக்கைகள் அதிகம்"));

        mvc.perform(get("/orders/{orderId}?waitSeconds=20", ORDER).with(CUSTOMER))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.title").value("Too many waiting requests"))
                .andExpect(jsonPath("$.detail")
                        .value("This instance cannot hold another waiting request now. Retry after 2 s, or read"
                                + " without waiting."));
    }
}
