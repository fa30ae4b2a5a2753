package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The shared problems are fully translated, and every text of every language is a valid message format. */
class ProblemBundlesCompleteTest {

    private final ProblemMessages messages = ProblemMessages.fromClasspath();

    @Test
    void every_english_key_is_translated_into_hindi_and_tamil() {
        assertThat(messages.missingTranslations(AcceptLanguageResolver.HINDI)).isEmpty();
        assertThat(messages.missingTranslations(AcceptLanguageResolver.TAMIL)).isEmpty();
    }

    @Test
    void every_text_formats_in_every_language() {
        Object[] arguments = {"field", 1, 2, 3};
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
