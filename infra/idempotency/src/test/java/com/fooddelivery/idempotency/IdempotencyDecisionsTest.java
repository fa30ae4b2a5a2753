package com.fooddelivery.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(60);
    private static final RequestFingerprint REQUEST =
            RequestFingerprint.of("POST", "/orders", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    private static final StoredResponse RESPONSE = new StoredResponse(
            202, "http://q/orders/1", "application/json", "{\"orderId\":1}".getBytes(StandardCharsets.UTF_8));
    private static final UUID TOKEN = UUID.randomUUID();

    @Test
    void a_completed_identical_request_is_replayed() {
        Decision decision = IdempotencyDecisions.decide(completed(REQUEST), REQUEST, NOW, TAKE_OVER_AFTER);

        assertThat(decision).isEqualTo(new Decision.Replay(RESPONSE));
    }

    @Test
    void a_different_body_is_a_reused_key_even_after_completion() {
        RequestFingerprint other = RequestFingerprint.of("POST", "/orders", "{\"a\":2}".getBytes());

        assertThat(IdempotencyDecisions.decide(completed(REQUEST), other, NOW, TAKE_OVER_AFTER))
                .isInstanceOf(Decision.KeyReused.class);
    }

    @Test
    void a_different_path_or_method_is_a_reused_key() {
        RequestFingerprint otherPath = new RequestFingerprint("POST", "/orders/1/cancel", REQUEST.bodySha256());
        RequestFingerprint otherMethod = new RequestFingerprint("PUT", "/orders", REQUEST.bodySha256());

        assertThat(IdempotencyDecisions.decide(completed(REQUEST), otherPath, NOW, TAKE_OVER_AFTER))
                .isInstanceOf(Decision.KeyReused.class);
        assertThat(IdempotencyDecisions.decide(completed(REQUEST), otherMethod, NOW, TAKE_OVER_AFTER))
                .isInstanceOf(Decision.KeyReused.class);
    }

    @Test
    void a_different_request_is_a_reused_key_while_the_first_is_in_progress() {
        RequestFingerprint other = RequestFingerprint.of("POST", "/orders", "{}".getBytes());

        assertThat(IdempotencyDecisions.decide(inProgressSince(NOW), other, NOW, TAKE_OVER_AFTER))
                .isInstanceOf(Decision.KeyReused.class);
    }

    @Test
    void the_same_request_while_the_first_runs_is_in_progress() {
        Decision decision =
                IdempotencyDecisions.decide(inProgressSince(NOW.minusSeconds(59)), REQUEST, NOW, TAKE_OVER_AFTER);

        assertThat(decision).isInstanceOf(Decision.InProgress.class);
    }

    @Test
    void an_execution_in_progress_for_longer_than_the_limit_may_be_taken_over() {
        Decision decision =
                IdempotencyDecisions.decide(inProgressSince(NOW.minusSeconds(60)), REQUEST, NOW, TAKE_OVER_AFTER);

        assertThat(decision).isEqualTo(new Decision.TakeOver(TOKEN));
    }

    @Test
    void only_2xx_responses_are_stored() {
        assertThat(StoredResponse.isStored(200)).isTrue();
        assertThat(StoredResponse.isStored(201)).isTrue();
        assertThat(StoredResponse.isStored(202)).isTrue();
        assertThat(StoredResponse.isStored(299)).isTrue();
        assertThat(StoredResponse.isStored(199)).isFalse();
        assertThat(StoredResponse.isStored(302)).isFalse();
        assertThat(StoredResponse.isStored(400)).isFalse();
        assertThat(StoredResponse.isStored(409)).isFalse();
        assertThat(StoredResponse.isStored(422)).isFalse();
        assertThat(StoredResponse.isStored(500)).isFalse();
    }

    private static IdempotencyRecord completed(RequestFingerprint request) {
        return new IdempotencyRecord(
                request, IdempotencyRecord.State.COMPLETED, TOKEN, NOW.minusSeconds(3600), RESPONSE);
    }

    private static IdempotencyRecord inProgressSince(Instant claimedAt) {
        return new IdempotencyRecord(REQUEST, IdempotencyRecord.State.IN_PROGRESS, TOKEN, claimedAt, null);
    }
}
