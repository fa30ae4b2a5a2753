package com.fooddelivery.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class MessageSchemaTest {

    /** Same defaults the services use (Jackson 3: ISO-8601 instants). */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    static Stream<MessageCatalog.Entry> catalog() {
        return MessageCatalog.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void every_message_serializes_to_json_valid_against_its_schema(MessageCatalog.Entry entry) throws Exception {
        Object sample = ContractSamples.BY_CLASS.get(entry.javaType());
        assertThat(sample).as("a sample of %s in ContractSamples", entry.type()).isNotNull();

        Set<ValidationMessage> errors = schemaOf(entry).validate(JSON.writeValueAsString(sample), InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void every_message_survives_a_json_round_trip(MessageCatalog.Entry entry) {
        Object sample = ContractSamples.BY_CLASS.get(entry.javaType());

        Object read = JSON.readValue(JSON.writeValueAsString(sample), entry.javaType());

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void a_schema_rejects_a_message_with_a_missing_field() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderPlaced.class));
        String json = JSON.writeValueAsString(ContractSamples.orderPlaced()).replace("\"sequence\":0,", "");

        assertThat(schema.validate(json, InputFormat.JSON))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("sequence"));
    }

    @Test
    void an_order_status_change_must_state_its_courier_and_ready_time_even_when_they_are_null() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderStatusChanged.class));
        var early = ContractSamples.orderStatusChanged();
        String withNulls = JSON.writeValueAsString(new com.fooddelivery.contracts.order.OrderStatusChanged(
                early.orderId(), 1, early.status(), early.details(), early.timeline(), null, null, early.payment()));
        String withoutCourier = withNulls.replace(",\"courier\":null", "");

        assertThat(schema.validate(withNulls, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(withoutCourier, InputFormat.JSON))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("courier"));
    }

    @Test
    void an_order_event_states_what_was_refunded_and_what_needs_a_person() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderStatusChanged.class));
        String refunded = JSON.writeValueAsString(ContractSamples.deliveredAndPartlyRefunded());
        String flagged = refunded.replace("\"attention\":null", "\"attention\":\"CAPTURE_NOT_CONFIRMED\"");
        String lowerCase = refunded.replace("\"attention\":null", "\"attention\":\"not confirmed\"");
        String withoutRefunded = refunded.replace("\"refunded\":{\"amountMinor\":24900,\"currency\":\"INR\"},", "");

        assertThat(refunded).contains("\"payment\":{\"refunded\":{\"amountMinor\":24900,\"currency\":\"INR\"}");
        assertThat(schema.validate(refunded, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(flagged, InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(lowerCase, InputFormat.JSON))
                .as("attention is a code")
                .isNotEmpty();
        assertThat(schema.validate(withoutRefunded, InputFormat.JSON))
                .extracting(ValidationMessage::getMessage)
                .anyMatch(message -> message.contains("refunded"));
    }

    @Test
    void an_order_event_published_before_payment_existed_is_still_valid_and_reads_as_no_payment() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderStatusChanged.class));
        String old = JSON.writeValueAsString(ContractSamples.orderStatusChanged())
                .replace(",\"payment\":{\"refunded\":{\"amountMinor\":0,\"currency\":\"INR\"},\"attention\":null}", "");

        assertThat(old).doesNotContain("\"payment\"");
        assertThat(schema.validate(old, InputFormat.JSON)).isEmpty();
        assertThat(JSON.readValue(old, com.fooddelivery.contracts.order.OrderStatusChanged.class)
                        .payment())
                .isNull();
    }

    @Test
    void a_placed_order_has_nothing_to_look_at_yet() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderPlaced.class));
        String flagged = JSON.writeValueAsString(ContractSamples.orderPlaced())
                .replace("\"attention\":null", "\"attention\":\"CAPTURE_NOT_CONFIRMED\"");

        assertThat(flagged).contains("CAPTURE_NOT_CONFIRMED");
        assertThat(schema.validate(flagged, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void a_placed_order_has_no_courier_yet() throws Exception {
        JsonSchema schema = schemaOf(MessageCatalog.of(com.fooddelivery.contracts.order.OrderPlaced.class));
        String withCourier = JSON.writeValueAsString(ContractSamples.orderPlaced())
                .replace(
                        "\"courier\":null",
                        "\"courier\":{\"courierId\":\"" + ContractSamples.COURIER + "\",\"deliveryId\":\""
                                + ContractSamples.DELIVERY + "\"}");

        assertThat(schema.validate(withCourier, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void every_schema_file_belongs_to_a_catalog_entry_and_every_entry_has_a_sample() throws Exception {
        Path schemas = Path.of(MessageSchemaTest.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.walk(schemas)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> "/schemas/" + schemas.relativize(file)))
                    .containsExactlyInAnyOrderElementsOf(MessageCatalog.entries().stream()
                            .map(MessageCatalog.Entry::schemaResource)
                            .toList());
        }
        assertThat(ContractSamples.BY_CLASS.keySet())
                .containsExactlyInAnyOrderElementsOf(MessageCatalog.entries().stream()
                        .map(MessageCatalog.Entry::javaType)
                        .toList());
    }

    @Test
    void every_message_type_is_routed_to_a_known_topic() {
        assertThat(MessageCatalog.entries())
                .allSatisfy(entry -> assertThat(Topics.ALL).contains(entry.topic()));
    }

    private static JsonSchema schemaOf(MessageCatalog.Entry entry) throws Exception {
        try (InputStream in = MessageSchemaTest.class.getResourceAsStream(entry.schemaResource())) {
            assertThat(in).as("schema %s", entry.schemaResource()).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return SCHEMAS.getSchema(in, config);
        }
    }
}
