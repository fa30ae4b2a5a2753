package com.fooddelivery.query.order.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fooddelivery.query.order.query.OrderReadModel;
import com.fooddelivery.query.order.query.RestaurantQueue;
import com.fooddelivery.security.CallerArgumentResolver;
import com.fooddelivery.testsupport.TestCallers;
import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemLanguage;
import com.fooddelivery.web.ProblemMessages;
import com.fooddelivery.web.ProblemResponses;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The 403s the order lists' handlers answer themselves, whatever the access rules let through: a list of "my orders"
 * for a caller who is no customer, and another restaurant's queue. In Hindi, Tamil and English.
 */
class CallerProblemsInHindiAndTamilTest {

    private static final String PROBLEMS = "https://fooddelivery.example/problems/";
    private static final UUID RESTAURANT = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    private final OrderReadModel orders = mock(OrderReadModel.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new CustomerOrdersController(orders), new RestaurantOrdersController(orders))
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
    void my_orders_for_a_courier_is_a_403_in_hindi_naming_the_role() throws Exception {
        mvc.perform(get("/customers/me/orders")
                        .with(TestCallers.courier(UUID.randomUUID()))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "role-required"))
                .andExpect(jsonPath("$.title").value("अनुमति नहीं है"))
                .andExpect(jsonPath("$.detail").value("यह काम केवल CUSTOMER कर सकता है।"));
        verifyNoInteractions(orders);
    }

    @Test
    void another_restaurants_queue_is_a_403_in_tamil() throws Exception {
        mvc.perform(get("/restaurants/{restaurantId}/orders", RESTAURANT)
                        .with(TestCallers.restaurant(UUID.randomUUID()))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta-IN,ta;q=0.9"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value(PROBLEMS + "not-your-restaurant"))
                .andExpect(jsonPath("$.title").value("இது உங்கள் உணவகம் அல்ல"))
                .andExpect(jsonPath("$.detail").value("இந்த உணவகத்தின் பணியாளர்கள் மட்டுமே இதைச் செய்ய முடியும்."));
        verifyNoInteractions(orders);
    }

    @Test
    void in_english_both_403s_say_who_may() throws Exception {
        mvc.perform(get("/customers/me/orders").with(TestCallers.restaurant(RESTAURANT)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.detail").value("Only a CUSTOMER may do this."));
        mvc.perform(get("/restaurants/{restaurantId}/orders", RESTAURANT).with(TestCallers.customer(UUID.randomUUID())))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not your restaurant"))
                .andExpect(jsonPath("$.detail").value("Only the staff of this restaurant may do this."));
    }

    @Test
    void the_restaurants_own_staff_read_its_queue() throws Exception {
        when(orders.queueOf(eq(RESTAURANT), any(), anyInt()))
                .thenReturn(new RestaurantQueue(List.of(), Map.of("PREPARING", 0L)));

        mvc.perform(get("/restaurants/{restaurantId}/orders", RESTAURANT).with(TestCallers.restaurant(RESTAURANT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countsByStatus.PREPARING").value(0));
    }
}
