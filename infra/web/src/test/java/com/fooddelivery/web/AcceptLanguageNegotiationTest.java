package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptLanguageNegotiationTest {

    @ParameterizedTest(name = "[{index}] Accept-Language: \"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "hi                         | hi",
                "ta                         | ta",
                "en                         | en",
                "hi-IN                      | hi",
                "ta-LK                      | ta",
                "en-US,hi;q=0.9             | en",
                "fr-FR, ta;q=0.5, hi;q=0.4  | ta",
                "hi;q=0.2, ta;q=0.8         | ta",
                "ta;q=0, hi                 | hi",
                "fr, de;q=0.5               | en",
                "*                          | en",
                "NONE                       | en",
                "'   '                      | en",
                "hi;q=2.5, ;;;              | en",
            })
    void negotiates_one_of_english_hindi_and_tamil(String acceptLanguage, String expected) {
        assertThat(AcceptLanguageResolver.negotiate(acceptLanguage)).isEqualTo(Locale.forLanguageTag(expected));
    }

    @ParameterizedTest
    @CsvSource({"hi-IN, hi", "ta, ta", "fr, en", "en-GB, en"})
    void maps_any_locale_to_a_supported_language_of_the_same_language_else_english(String tag, String expected) {
        assertThat(AcceptLanguageResolver.supported(Locale.forLanguageTag(tag)))
                .isEqualTo(Locale.forLanguageTag(expected));
    }
}
