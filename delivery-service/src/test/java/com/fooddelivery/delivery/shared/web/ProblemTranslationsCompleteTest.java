package com.fooddelivery.delivery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.delivery.delivery.domain.DeliveryStatus;
import com.fooddelivery.web.AcceptLanguageResolver;
import com.fooddelivery.web.ProblemMessages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** delivery-service's problem bundles: complete in every language, and a text for every delivery status. */
class ProblemTranslationsCompleteTest {

    private final ProblemMessages messages = ProblemMessages.fromClasspath();

    @Test
    void every_english_key_is_translated_into_every_other_supported_language() {
        assertThat(messages.bundles()).contains("delivery-service", "web-support");
        // English is the bundle every other language is compared with.
        for (Locale language : AcceptLanguageResolver.SUPPORTED) {
            if (!language.equals(Locale.ENGLISH)) {
                assertThat(messages.missingTranslations(language))
                        .as(language.toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void every_delivery_status_has_a_text_in_every_language() {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            for (Locale language : AcceptLanguageResolver.SUPPORTED) {
                assertThat(messages.message(
                                new DefaultMessageSourceResolvable(
                                        new String[] {"delivery-status." + status.name()}, null, null),
                                language))
                        .as("%s in %s", status, language)
                        .isNotNull()
                        .isNotBlank();
            }
        }
    }
}
