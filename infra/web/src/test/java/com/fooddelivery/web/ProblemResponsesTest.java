package com.fooddelivery.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

class ProblemResponsesTest {

    record Line(@NotNull @Min(1) Integer quantity) {}

    record Basket(@NotNull List<@Valid Line> lines) {}

    @RestController
    static class BasketController {

        @PostMapping("/baskets")
        String create(@Valid @RequestBody Basket basket) {
            return "ok";
        }

        @PostMapping("/keyed-baskets")
        String createWithKey(
                @RequestHeader(name = "Idempotency-Key") @Size(max = 5) String key, @Valid @RequestBody Basket basket) {
            return "ok";
        }

        @PostMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BasketController())
            .setControllerAdvice(new ProblemResponses(), new ProblemLanguage(ProblemMessages.fromClasspath()))
            .setLocaleResolver(new AcceptLanguageResolver())
            // Spring's default mapper, as Boot's: problem properties (errors) rendered at the top level
            .setMessageConverters(new JacksonJsonHttpMessageConverter(
                    WebSupportAutoConfiguration.strictForRequests(new JacksonJsonHttpMessageConverter().getMapper())))
            .build();

    @Test
    void an_invalid_body_field_is_named_by_its_path() throws Exception {
        mvc.perform(post("/baskets").contentType(MediaType.APPLICATION_JSON).content("{\"lines\":[{\"quantity\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
    }

    @Test
    void a_constrained_header_and_the_body_fields_are_named_together() throws Exception {
        mvc.perform(post("/keyed-baskets")
                        .header("Idempotency-Key", "too-long-key")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":0}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("Idempotency-Key", "lines[0].quantity")));
    }

    @Test
    void an_unknown_field_is_named() throws Exception {
        mvc.perform(post("/baskets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":1,\"price\":5}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].price"));
    }

    @Test
    void a_value_of_the_wrong_type_is_named() throws Exception {
        mvc.perform(post("/baskets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"quantity\":\"two\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
    }

    @Test
    void malformed_json_is_a_400_of_its_own_type() throws Exception {
        mvc.perform(post("/baskets").contentType(MediaType.APPLICATION_JSON).content("{\"lines\":["))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/malformed-json"));
    }

    @Test
    void an_unforeseen_error_is_a_bare_500_problem_without_internals() throws Exception {
        mvc.perform(post("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fooddelivery.example/problems/internal-error"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }
}
