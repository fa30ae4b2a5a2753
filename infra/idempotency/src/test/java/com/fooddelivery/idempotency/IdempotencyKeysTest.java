package com.fooddelivery.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"k", "0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10", "with space and ~!@#$%^&*()"})
    void accepts_printable_ascii_keys(String key) {
        assertThat(IdempotencyKeys.problemWith(key)).isNull();
    }

    @Test
    void accepts_a_key_of_exactly_100_characters() {
        assertThat(IdempotencyKeys.problemWith("k".repeat(100))).isNull();
    }

    @Test
    void refuses_an_empty_a_missing_or_an_overlong_key() {
        assertThat(IdempotencyKeys.problemWith("")).isEqualTo("size must be between 1 and 100");
        assertThat(IdempotencyKeys.problemWith(null)).isEqualTo("size must be between 1 and 100");
        assertThat(IdempotencyKeys.problemWith("k".repeat(101))).isEqualTo("size must be between 1 and 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\tkey", "new\nline", "del\u007f", "caf\u00e9", "\u0928\u092e\u0938\u094d\u0924\u0947"})
    void refuses_control_and_non_ascii_characters(String key) {
        assertThat(IdempotencyKeys.problemWith(key)).isEqualTo("must contain only printable ASCII characters");
    }
}
