package com.fooddelivery.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

class ProblemMessagesTest {

    private static final Locale HINDI = AcceptLanguageResolver.HINDI;
    private static final Locale TAMIL = AcceptLanguageResolver.TAMIL;

    private final ProblemMessages shared = ProblemMessages.fromClasspath();
    private final ProblemMessages incomplete = ProblemMessages.fromClasspath(fixture("fixtures/incomplete/"));

    @Test
    void finds_the_shared_bundle_on_the_class_path() {
        assertThat(shared.bundles()).contains("web-support");
        assertThat(incomplete.bundles()).containsExactly("demo");
    }

    @Test
    void looks_up_title_and_detail_by_type_in_the_requested_language() {
        assertThat(shared.title("malformed-json", HttpStatus.BAD_REQUEST, Locale.ENGLISH))
                .isEqualTo("Malformed JSON");
        assertThat(shared.title("malformed-json", HttpStatus.BAD_REQUEST, HINDI))
                .isEqualTo("JSON सही नहीं है");
        assertThat(shared.title("malformed-json", HttpStatus.BAD_REQUEST, TAMIL))
                .isEqualTo("JSON சரியாக இல்லை");
    }

    @Test
    void formats_arguments_into_the_detail_without_grouping_numbers() {
        assertThat(incomplete.detail("out-of-stock", new Object[] {"Masala dosa", 12000}, Locale.ENGLISH))
                .isEqualTo("Masala dosa is sold out, 12000 left");
        assertThat(incomplete.detail("out-of-stock", new Object[] {"Masala dosa", 12000}, HINDI))
                .isEqualTo("Masala dosa ख़त्म हो गया है, 12000 बचे हैं");
        assertThat(shared.detail("invalid-request", new Object[] {"items[0].quantity, price"}, TAMIL))
                .isEqualTo("தயவுசெய்து இவற்றைச் சரிசெய்யவும்: items[0].quantity, price");
    }

    @Test
    void translates_an_argument_that_is_itself_a_message() {
        var wrongType = Problems.text("field.wrong-type", "untranslated");
        assertThat(shared.detail("invalid-request", new Object[] {wrongType}, HINDI))
                .isEqualTo("कृपया ये जानकारी ठीक करें: इसका मान गलत प्रकार का है या अनुमत मानों में नहीं है");
        assertThat(shared.detail("invalid-request", new Object[] {Problems.text("no-such-code", "DELIVERED")}, HINDI))
                .endsWith(": DELIVERED");
    }

    @Test
    void a_key_missing_in_a_translation_falls_back_to_english() {
        assertThat(incomplete.title("translated-only-in-english", HttpStatus.CONFLICT, HINDI))
                .isEqualTo("Only in English");
    }

    @Test
    void an_unsupported_language_gets_english_not_the_jvm_default() {
        Locale jvmDefault = Locale.getDefault();
        try {
            Locale.setDefault(HINDI);
            assertThat(incomplete.title("out-of-stock", HttpStatus.CONFLICT, Locale.FRENCH))
                    .isEqualTo("Sold out");
        } finally {
            Locale.setDefault(jvmDefault);
        }
    }

    @Test
    void a_type_without_any_text_gets_the_status_phrase_and_no_detail_never_the_key() {
        assertThat(shared.title("no-such-type", HttpStatus.CONFLICT, HINDI)).isEqualTo("Conflict");
        assertThat(shared.detail("no-such-type", new Object[0], HINDI)).isNull();
        assertThat(shared.message(new DefaultMessageSourceResolvable("no-such-code"), Locale.ENGLISH))
                .isEqualTo("is invalid");
        assertThat(shared.message(new DefaultMessageSourceResolvable("no-such-code"), TAMIL))
                .isEqualTo("செல்லாதது");
    }

    @Test
    void reports_the_keys_a_translation_lacks() {
        assertThat(incomplete.missingTranslations(HINDI))
                .containsOnlyKeys("demo")
                .satisfies(
                        missing -> assertThat(missing.get("demo")).containsExactly("translated-only-in-english.title"));
        assertThat(incomplete.missingTranslations(TAMIL).get("demo")).hasSize(3);
    }

    private static ClassLoader fixture(String directory) {
        URL root = ProblemMessagesTest.class.getClassLoader().getResource(directory);
        return new URLClassLoader(new URL[] {root}, null);
    }
}
