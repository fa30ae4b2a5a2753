package com.fooddelivery.query.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemMessages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** query-service's problem bundles: complete in Hindi and Tamil, and every text a valid message format. */
class ProblemTranslationsCompleteTest {

    private final ProblemMessages messages = ProblemMessages.fromClasspath();

    @Test
    void every_english_key_is_translated_into_hindi_and_tamil() {
        assertThat(messages.bundles()).contains("query-service", "web-support");
        assertThat(messages.missingTranslations(AcceptLanguageResolver.HINDI)).isEmpty();
        assertThat(messages.missingTranslations(AcceptLanguageResolver.TAMIL)).isEmpty();
    }

    @Test
    void every_text_formats_in_every_language() {
        Object[] arguments = {1, 2, 3};
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
