package com.fooddelivery.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadAnswersTest {

    private static final double ONE_SCREEN_IN_TEN_NEW = 0.1;
    private static final String ORDER = "order 1";

    @Test
    void a_resource_never_read_is_read_without_an_etag() {
        ReadAnswers answers = new ReadAnswers(ONE_SCREEN_IN_TEN_NEW);

        assertThat(answers.ifNoneMatch(ORDER, 0.9)).isNull();
    }

    @Test
    void an_open_screen_sends_the_last_etag_it_saw_and_a_screen_just_opened_sends_none() {
        ReadAnswers answers = new ReadAnswers(ONE_SCREEN_IN_TEN_NEW);
        answers.answered("customer: track order", ORDER, 200, "\"3\"");

        assertThat(answers.ifNoneMatch(ORDER, 0.5)).isEqualTo("\"3\"");
        assertThat(answers.ifNoneMatch(ORDER, 0.05)).isNull();
        assertThat(answers.ifNoneMatch("order 2", 0.5)).isNull();
    }

    @Test
    void a_304_without_an_etag_keeps_the_one_the_app_has() {
        ReadAnswers answers = new ReadAnswers(ONE_SCREEN_IN_TEN_NEW);
        answers.answered("customer: track order", ORDER, 200, "\"3\"");

        answers.answered("customer: track order (If-None-Match)", ORDER, 304, null);

        assertThat(answers.ifNoneMatch(ORDER, 0.5)).isEqualTo("\"3\"");
    }

    @Test
    void counts_answers_by_request_and_status_no_answer_as_zero() {
        ReadAnswers answers = new ReadAnswers(ONE_SCREEN_IN_TEN_NEW);
        answers.answered("customer: track order (If-None-Match)", ORDER, 304, "\"3\"");
        answers.answered("customer: track order (If-None-Match)", ORDER, 304, "\"3\"");
        answers.answered("customer: track order (If-None-Match)", ORDER, 200, "\"4\"");
        answers.answered("restaurant: read queue", null, 0, null);

        assertThat(answers.results())
                .containsExactly(
                        Map.entry("customer: track order (If-None-Match)", Map.of("200", 1L, "304", 2L)),
                        Map.entry("restaurant: read queue", Map.of("0", 1L)));
        assertThat(answers.total()).isEqualTo(4);
    }
}
