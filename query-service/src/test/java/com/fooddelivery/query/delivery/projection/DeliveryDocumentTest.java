package com.fooddelivery.query.delivery.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.contracts.delivery.DeliveryUpdated;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class DeliveryDocumentTest {

    /** For tests elsewhere: the document a projection makes of {@code event}. */
    public static DeliveryDocument document(DeliveryUpdated event) {
        return DeliveryDocument.of(event);
    }

    @Test
    void a_document_carries_the_delivery_sequence_as_its_version_and_the_courier_position() {
        UUID order = UUID.randomUUID();
        UUID courier = UUID.randomUUID();

        DeliveryDocument document = DeliveryDocument.of(
                DeliveryEvents.updated(UUID.randomUUID(), order, 4, DeliveryStatus.ASSIGNED, courier));

        assertThat(document.orderId()).isEqualTo(order.toString());
        assertThat(document.sequence()).isEqualTo(4);
        assertThat(document.status()).isEqualTo("ASSIGNED");
        assertThat(document.courierId()).isEqualTo(courier.toString());
        assertThat(document.courierPosition()).isEqualTo(new DeliveryDocument.GeoPoint(12.9717, 77.6101));
        assertThat(document.dropoff().location()).isEqualTo(new DeliveryDocument.GeoPoint(12.9716, 77.5946));
    }

    @Test
    void a_delivery_without_courier_has_no_position_and_no_eta() {
        DeliveryDocument document = DeliveryDocument.of(
                DeliveryEvents.updated(UUID.randomUUID(), UUID.randomUUID(), 1, DeliveryStatus.WAITING, null));

        assertThat(document.courierId()).isNull();
        assertThat(document.courierPosition()).isNull();
        assertThat(document.estimatedArrivalAt()).isNull();
    }
}
