package com.fooddelivery.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.contracts.MessageHeaders;
import com.fooddelivery.contracts.Topics;
import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.common.PaymentMethod;
import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.VoidPayment;
import com.fooddelivery.messaging.MessageContext;
import com.fooddelivery.messaging.inbox.MalformedMessageException;
import com.fooddelivery.messaging.inbox.UnknownMessageTypeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MessageReader READER = new MessageReader(JSON);
    private static final List<Class<?>> PAYMENT_COMMANDS = List.of(AuthorizePayment.class, VoidPayment.class);
    private static final UUID ORDER = UUID.randomUUID();

    @Test
    void reads_a_complete_message_as_the_catalogs_record_with_its_headers() {
        AuthorizePayment authorize =
                new AuthorizePayment(ORDER, UUID.randomUUID(), new Money(24000, "INR"), PaymentMethod.UPI);

        ReadMessage read = READER.read(record("AuthorizePayment", JSON.writeValueAsString(authorize)), PAYMENT_COMMANDS)
                .orElseThrow();

        assertThat(read.payload()).isEqualTo(authorize);
        assertThat(read.envelope().type()).isEqualTo("AuthorizePayment");
        assertThat(read.envelope().key()).isEqualTo(ORDER.toString());
    }

    @Test
    void skips_a_catalog_type_the_listener_does_not_handle_without_reading_its_payload() {
        assertThat(READER.read(record("CapturePayment", "{not json"), PAYMENT_COMMANDS))
                .isEmpty();
    }

    @Test
    void a_type_missing_from_the_catalog_is_unknown() {
        assertThatThrownBy(() -> READER.read(record("IssueVoucher", "{}"), PAYMENT_COMMANDS))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("IssueVoucher");
    }

    @Test
    void a_payload_its_schema_refuses_is_malformed_with_what_is_wrong() {
        String negative =
                "{\"orderId\":\"%s\",\"customerId\":\"%s\",\"amount\":{\"amountMinor\":-1,\"currency\":\"INR\"}}"
                        .formatted(ORDER, UUID.randomUUID());

        assertThatThrownBy(() -> READER.read(record("AuthorizePayment", negative), PAYMENT_COMMANDS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("invalid AuthorizePayment")
                .hasMessageContaining("method")
                .hasMessageContaining("amountMinor");
    }

    @Test
    void an_unparsable_or_empty_payload_is_malformed() {
        assertThatThrownBy(() -> READER.read(record("VoidPayment", "{\"orderId\": "), PAYMENT_COMMANDS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("unreadable VoidPayment");
        assertThatThrownBy(() -> READER.read(record("VoidPayment", null), PAYMENT_COMMANDS))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("empty VoidPayment");
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record =
                new ConsumerRecord<>(Topics.PAYMENTS_COMMANDS, 0, 0, ORDER.toString(), value);
        UUID conversation = UUID.randomUUID();
        header(record, MessageHeaders.MESSAGE_ID, UUID.randomUUID().toString());
        header(record, MessageHeaders.TYPE, type);
        header(record, MessageHeaders.SCHEMA_VERSION, "1");
        header(record, MessageHeaders.CORRELATION_ID, conversation.toString());
        header(record, MessageHeaders.CAUSATION_ID, conversation.toString());
        header(record, MessageHeaders.TRACEPARENT, MessageContext.newTraceparent());
        header(record, MessageHeaders.OCCURRED_AT, Instant.now().toString());
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
