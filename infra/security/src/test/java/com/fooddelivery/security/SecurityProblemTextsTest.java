package com.fooddelivery.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemMessages;
import org.junit.jupiter.api.Test;

class SecurityProblemTextsTest {

    @Test
    void every_english_text_is_translated_into_hindi_and_tamil() {
        ProblemMessages messages = ProblemMessages.fromClasspath();

        assertThat(messages.bundles()).contains("security");
        assertThat(messages.missingTranslations(AcceptLanguageResolver.HINDI)).isEmpty();
        assertThat(messages.missingTranslations(AcceptLanguageResolver.TAMIL)).isEmpty();
    }
}
