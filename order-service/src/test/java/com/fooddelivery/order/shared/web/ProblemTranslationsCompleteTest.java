package com.fooddelivery.order.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.order.catalog.domain.MenuChangeRejectedException;
import com.fooddelivery.order.order.domain.OrderNotAcceptedException;
import com.fooddelivery.order.order.domain.OrderStatus;
import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemMessages;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** order-service's problem bundles: complete in Hindi and Tamil, and a text for every type the code can answer. */
class ProblemTranslationsCompleteTest {

    private final ProblemMessages messages = ProblemMessages.fromClasspath();

    @Test
    void every_english_key_is_translated_into_hindi_and_tamil() {
        assertThat(messages.bundles()).contains("order-service", "web-support");
        assertThat(messages.missingTranslations(AcceptLanguageResolver.HINDI)).isEmpty();
        assertThat(messages.missingTranslations(AcceptLanguageResolver.TAMIL)).isEmpty();
    }

    @Test
    void every_rule_and_status_has_an_english_text() {
        Stream.concat(
                        Stream.of(OrderNotAcceptedException.Reason.values()).map(Enum::name),
                        Stream.of(MenuChangeRejectedException.Reason.values()).map(Enum::name))
                .map(reason -> reason.toLowerCase(Locale.ROOT).replace('_', '-'))
                .forEach(type -> {
                    assertThat(messages.title(type, HttpStatus.UNPROCESSABLE_CONTENT, Locale.ENGLISH))
                            .as(type)
                            .isNotEqualTo(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
                    assertThat(messages.detail(type, new Object[] {"a", "b", "c"}, Locale.ENGLISH))
                            .as(type)
                            .isNotNull();
                });
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(messages.message(
                            new DefaultMessageSourceResolvable("order-status." + status.name()),
                            AcceptLanguageResolver.TAMIL))
                    .isNotEqualTo("செல்லாதது");
        }
    }

    @Test
    void every_text_formats_in_every_language() {
        Object[] arguments = {"a", 1, 2, 3};
        for (String key : messages.allKeys()) {
            for (Locale language : AcceptLanguageResolver.SUPPORTED) {
                assertThat(messages.message(
                                new DefaultMessageSourceResolvable(new String[] {key}, arguments), language))
                        .as("%s in %s", key, language)
                        .isNotBlank();
            }
        }
    }
}
