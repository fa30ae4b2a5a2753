package com.fooddelivery.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    @Test
    void hashes_the_body_with_sha_256_in_lower_case_hex() {
        assertThat(RequestFingerprint.of("POST", "/orders", "abc".getBytes(StandardCharsets.UTF_8))
                        .bodySha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void an_empty_body_has_the_hash_of_no_bytes() {
        assertThat(RequestFingerprint.of("POST", "/x", new byte[0]).bodySha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void the_same_request_has_the_same_fingerprint() {
        assertThat(RequestFingerprint.of("POST", "/orders", bytes("{\"a\":1}")))
                .isEqualTo(RequestFingerprint.of("POST", "/orders", bytes("{\"a\":1}")));
    }

    @Test
    void a_body_that_differs_in_one_byte_or_in_whitespace_is_another_request() {
        RequestFingerprint first = RequestFingerprint.of("POST", "/orders", bytes("{\"a\":1}"));

        assertThat(RequestFingerprint.of("POST", "/orders", bytes("{\"a\":2}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", "/orders", bytes("{\"a\": 1}")))
                .isNotEqualTo(first);
    }

    @Test
    void another_method_or_path_is_another_request() {
        RequestFingerprint first = RequestFingerprint.of("POST", "/orders", bytes("{}"));

        assertThat(RequestFingerprint.of("PUT", "/orders", bytes("{}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", "/orders?x=1", bytes("{}"))).isNotEqualTo(first);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
