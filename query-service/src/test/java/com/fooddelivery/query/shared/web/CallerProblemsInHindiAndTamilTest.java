package com.fooddelivery.query.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemLanguage;
import com.fooddelivery.web.ProblemMessages;
import com.fooddelivery.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's headers: a 400 with a field error and a 401, in Hindi and Tamil. */
class CallerProblemsInHindiAndTamilTest {

    @RestController
    static class MyOrders {
        @GetMapping("/my-orders")
        String mine(Caller caller) {
            return caller.requireCustomer().toString();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new MyOrders())
            .setCustomArgumentResolvers(new CallerArgumentResolver())
            .setControllerAdvice(new ProblemResponses(), new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setLocaleResolver(new AcceptLanguageResolver())
            .setMessageConverters(new JacksonJsonHttpMessageConverter())
            .build();

    @Test
    void a_caller_id_that_is_not_a_uuid_is_a_400_in_tamil_naming_the_header() throws Exception {
        mvc.perform(get("/my-orders").header(Caller.CUSTOMER_HEADER, "nope").header(HttpHeaders.ACCEPT_LANGUAGE, "ta"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value("தயவுசெய்து இவற்றைச் சரிசெய்யவும்: X-Customer-Id"))
                .andExpect(jsonPath("$.errors[0].field").value("X-Customer-Id"))
                .andExpect(jsonPath("$.errors[0].message").value("சரியான UUID ஆக இருக்க வேண்டும்"));
    }

    @Test
    void an_unnamed_caller_is_a_401_in_hindi_with_the_header_name_unchanged() throws Exception {
        mvc.perform(get("/my-orders").header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/caller-unknown"))
                .andExpect(jsonPath("$.title").value("आप कौन हैं?"))
                .andExpect(jsonPath("$.detail")
                        .value("यह जानकारी ग्राहक से जुड़ी है: कृपया X-Customer-Id हेडर में अपनी पहचान भेजें।"));
    }

    @Test
    void in_english_the_401_reads_as_before() throws Exception {
        mvc.perform(get("/my-orders"))
                .andExpect(jsonPath("$.title").value("Who is asking?"))
                .andExpect(jsonPath("$.detail")
                        .value("This read is about the calling customer: name yourself in the X-Customer-Id header."));
    }
}
