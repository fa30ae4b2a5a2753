package com.fooddelivery.order.order.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fooddelivery.order.order.application.OrderIntake;
import com.fooddelivery.order.order.domain.Money;
import com.fooddelivery.order.order.domain.OrderNotAcceptedException;
import com.fooddelivery.order.order.domain.OrderStateConflictException;
import com.fooddelivery.order.order.domain.OrderStatus;
import com.fooddelivery.order.order.domain.RefundExceedsCaptureException;
import com.fooddelivery.order.shared.axon.RetryOnConcurrentChange;
import com.fooddelivery.security.CallerArgumentResolver;
import com.fooddelivery.testsupport.TestCallers;
import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemLanguage;
import com.fooddelivery.web.ProblemMessages;
import com.fooddelivery.web.ProblemResponses;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** order-service's real problems, through its real advice and controllers, in Hindi and Tamil. */
class OrderProblemsInHindiAndTamilTest {

    private static final String TYPES = "https://fooddelivery.example/problems/";
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID ITEM = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final String VALID_ORDER = """
            {"restaurantId":"00000000-0000-0000-0000-000000000001",
             "items":[{"itemId":"%s","quantity":1}],
             "paymentMethod":"CARD",
             "deliveryAddress":{"line1":"12 MG Road","city":"Chennai","lat":13.08,"lon":80.27}}""".formatted(ITEM);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final OrderIntake intake = mock(OrderIntake.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(
                    new OrderActionsController(new RetryOnConcurrentChange(commands)),
                    new RefundController(new RetryOnConcurrentChange(commands)),
                    new OrderController(intake, URI.create("http://query")))
            .setControllerAdvice(
                    new OrderProblems(), new ProblemResponses(), new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setCustomArgumentResolvers(new CallerArgumentResolver())
            .setLocaleResolver(new AcceptLanguageResolver())
            .setMessageConverters(new JacksonJsonHttpMessageConverter())
            .build();

    @AfterEach
    void signOut() {
        TestCallers.signOut();
    }

    @Test
    void cancelling_a_delivered_order_is_a_409_in_hindi_with_current_status_unchanged() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new OrderStateConflictException(OrderStatus.DELIVERED, "cancel"));

        mvc.perform(post("/orders/{orderId}/cancel", ORDER)
                        .with(TestCallers.customer(CUSTOMER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi-IN, en;q=0.5"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value(TYPES + "order-state-conflict"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.currentStatus").value("DELIVERED"))
                .andExpect(jsonPath("$.title").value("ऑर्डर की मौजूदा स्थिति में यह संभव नहीं है"))
                .andExpect(jsonPath("$.detail")
                        .value("यह ऑर्डर \"डिलीवर हो गया\" स्थिति में है, इसलिए इसे रद्द नहीं किया जा सकता।"));
    }

    @Test
    void marking_a_pending_order_ready_is_a_409_in_tamil_with_current_status_unchanged() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new OrderStateConflictException(OrderStatus.PENDING, "mark ready"));

        UUID restaurant = UUID.randomUUID();
        mvc.perform(post("/restaurants/{restaurantId}/orders/{orderId}/ready", restaurant, ORDER)
                        .with(TestCallers.restaurant(restaurant))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value(TYPES + "order-state-conflict"))
                .andExpect(jsonPath("$.currentStatus").value("PENDING"))
                .andExpect(jsonPath("$.detail")
                        .value("இந்த ஆர்டர் \"நிலுவையில்\" நிலையில் உள்ளதால், இதை தயார் எனக் குறிக்க முடியாது."));
    }

    @Test
    void an_action_that_loses_two_races_in_a_row_is_a_409_concurrent_update_in_hindi() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 2 already inserted"));

        mvc.perform(post("/orders/{orderId}/cancel", ORDER)
                        .with(TestCallers.customer(CUSTOMER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value(TYPES + "concurrent-update"))
                .andExpect(jsonPath("$.title").value("एक ही समय पर बदलाव"));
    }

    @Test
    void in_english_the_409_reads_as_before() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new OrderStateConflictException(OrderStatus.DELIVERED, "cancel"));

        mvc.perform(post("/orders/{orderId}/cancel", ORDER).with(TestCallers.customer(CUSTOMER)))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.title").value("Not possible in the order's status"))
                .andExpect(jsonPath("$.detail").value("Cannot cancel an order that is DELIVERED"));
    }

    @Test
    void an_invalid_order_names_its_fields_in_tamil_and_hindi() throws Exception {
        String zeroQuantity = VALID_ORDER.replace("\"quantity\":1", "\"quantity\":0");

        mvc.perform(post("/orders")
                        .with(TestCallers.customer(CUSTOMER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(zeroQuantity))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(TYPES + "invalid-request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("கோரிக்கை செல்லாது"))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("குறைந்தது 1 ஆக இருக்க வேண்டும்"));

        mvc.perform(post("/orders")
                        .with(TestCallers.customer(CUSTOMER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(zeroQuantity))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("कम से कम 1 होना चाहिए"));
    }

    @Test
    void a_sold_out_item_is_a_422_in_hindi_naming_the_item() throws Exception {
        when(intake.place(any()))
                .thenThrow(new OrderNotAcceptedException(
                        OrderNotAcceptedException.Reason.ITEM_UNAVAILABLE, "Masala dosa is sold out", "Masala dosa"));

        mvc.perform(post("/orders")
                        .with(TestCallers.customer(CUSTOMER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID_ORDER))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(TYPES + "item-unavailable"))
                .andExpect(jsonPath("$.title").value("ऑर्डर स्वीकार नहीं हुआ"))
                .andExpect(jsonPath("$.detail").value("माफ़ कीजिए, Masala dosa ख़त्म हो गया है।"));
    }

    @Test
    void a_refund_beyond_the_capture_is_a_409_in_tamil_with_the_refundable_amount_for_machines() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(new RefundExceedsCaptureException(new Money(60000, "INR"), new Money(49800, "INR")));

        UUID restaurant = UUID.randomUUID();
        mvc.perform(post("/orders/{orderId}/refunds", ORDER)
                        .with(TestCallers.restaurant(restaurant))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":60000,\"reason\":\"Everything was cold\"}"))
                .andExpect(status().isConflict())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value(TYPES + "refund-exceeds-capture"))
                .andExpect(jsonPath("$.refundableMinor").value(49800))
                .andExpect(jsonPath("$.currency").value("INR"))
                .andExpect(jsonPath("$.detail")
                        .value("600.00 INR திருப்பித் தர முடியாது: இந்தக் கட்டணத்தில் இன்னும் 498.00 INR மட்டுமே"
                                + " திருப்பித் தர முடியும்."));
    }

    @Test
    void in_english_a_refund_beyond_the_capture_names_both_amounts_in_rupees() throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(new RefundExceedsCaptureException(new Money(60000, "INR"), new Money(49800, "INR")));

        mvc.perform(post("/orders/{orderId}/refunds", ORDER)
                        .with(TestCallers.restaurant(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":60000,\"reason\":\"Everything was cold\"}"))
                .andExpect(jsonPath("$.title").value("Refund larger than the payment"))
                .andExpect(jsonPath("$.detail")
                        .value("Cannot refund 600.00 INR: only 498.00 INR of the payment can still be refunded"));
    }

    @Test
    void refunding_an_order_not_captured_yet_is_a_409_in_hindi() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new OrderStateConflictException(OrderStatus.DELIVERED, "refund"));

        mvc.perform(post("/orders/{orderId}/refunds", ORDER)
                        .with(TestCallers.restaurant(UUID.randomUUID()))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":100,\"reason\":\"Cold\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("DELIVERED"))
                .andExpect(jsonPath("$.detail")
                        .value("यह ऑर्डर \"डिलीवर हो गया\" स्थिति में है, इसलिए इसे रिफ़ंड नहीं किया जा सकता।"));
    }
}
