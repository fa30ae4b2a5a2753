package com.fooddelivery.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

class ProblemsInTheClientsLanguageTest {

    private static final String TYPES = Problems.TYPE_BASE;

    record Line(@NotNull @Min(1) Integer quantity) {}

    record Basket(@NotNull List<@Valid Line> lines) {}

    @RestController
    static class BasketController {

        @PostMapping("/keyed-baskets")
        String create(
                @RequestHeader(name = "Idempotency-Key") @Size(min = 1, max = 5) String key,
                @Valid @RequestBody Basket basket) {
            return "ok";
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/fixed-english")
        String fixedEnglish() {
            throw new ErrorResponseException(
                    HttpStatus.GONE, Problems.of(HttpStatus.GONE, "gone", "Gone", "Not translated"), null);
        }

        @GetMapping("/ok")
        String ok() {
            return "ok";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BasketController())
            .setControllerAdvice(new ProblemResponses(), new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setLocaleResolver(new AcceptLanguageResolver())
            .setMessageConverters(new JacksonJsonHttpMessageConverter(
                    WebSupportAutoConfiguration.strictForRequests(new JacksonJsonHttpMessageConverter().getMapper())))
            .build();

    @Test
    void field_errors_come_back_in_hindi_with_field_names_type_and_status_unchanged() throws Exception {
        mvc.perform(post("/keyed-baskets")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "hi-IN,hi;q=0.9,en;q=0.8")
                        .header("Idempotency-Key", "too-long-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "hi"))
                .andExpect(jsonPath("$.type").value(TYPES + "invalid-request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("अनुरोध अमान्य है"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("कृपया ये जानकारी ठीक करें: ")))
                .andExpect(
                        jsonPath("$.errors[*].field").value(containsInAnyOrder("Idempotency-Key", "lines[0].quantity")))
                .andExpect(jsonPath("$.errors[*].message")
                        .value(containsInAnyOrder("आकार 1 से 5 के बीच होना चाहिए", "कम से कम 1 होना चाहिए")));
    }

    @Test
    void field_errors_come_back_in_tamil() throws Exception {
        mvc.perform(post("/keyed-baskets")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "ta")
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":1,\"price\":5}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.title").value("கோரிக்கை செல்லாது"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].price"))
                .andExpect(jsonPath("$.errors[0].message").value("இந்தக் கோரிக்கையில் இப்படி ஒரு புலம் இல்லை"));
    }

    @Test
    void english_stays_exactly_as_before_including_hibernate_validator_messages() throws Exception {
        mvc.perform(post("/keyed-baskets")
                        .header("Idempotency-Key", "too-long-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":0}]}"))
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].message")
                        .value(containsInAnyOrder(
                                "size must be between 1 and 5", "must be greater than or equal to 1")));
    }

    @Test
    void an_unsupported_language_gets_english() throws Exception {
        mvc.perform(post("/keyed-baskets")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR, de;q=0.8")
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":["))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.type").value(TYPES + "malformed-json"))
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value("The body is not valid JSON"));
    }

    @Test
    void the_highest_q_value_among_supported_languages_wins() throws Exception {
        mvc.perform(get("/broken").header(HttpHeaders.ACCEPT_LANGUAGE, "fr, hi;q=0.3, ta;q=0.7"))
                .andExpect(status().isInternalServerError())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "ta"))
                .andExpect(jsonPath("$.type").value(TYPES + "internal-error"))
                .andExpect(jsonPath("$.title").value("உள் பிழை"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void a_problem_with_fixed_text_is_declared_english() throws Exception {
        mvc.perform(get("/fixed-english").header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isGone())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.title").value("Gone"));
    }

    @Test
    void a_successful_answer_gets_no_content_language() throws Exception {
        mvc.perform(get("/ok").header(HttpHeaders.ACCEPT_LANGUAGE, "hi"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.CONTENT_LANGUAGE));
    }
}
