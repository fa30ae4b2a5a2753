package com.fooddelivery.query.order.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusReason;
import com.fooddelivery.contracts.order.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public class OrderDocumentTest {

    /** For tests elsewhere: the document a projection makes of {@code event}. */
    public static OrderDocument document(com.fooddelivery.contracts.order.OrderEvent event) {
        return OrderDocument.of(event);
    }

    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");

    @Test
    void a_document_carries_the_events_sequence_as_its_version_and_the_full_order() {
        OrderDocument document = OrderDocument.of(OrderEvents.placed(ORDER));

        assertThat(document.orderId()).isEqualTo(ORDER.toString());
        assertThat(document.sequence()).isZero();
        assertThat(document.status()).isEqualTo("PENDING");
        assertThat(document.total().amountMinor()).isEqualTo(24000);
        assertThat(document.deliveryAddress().location()).isEqualTo(new OrderDocument.GeoPoint(12.97, 77.59));
        assertThat(document.updatedAt()).isEqualTo(OrderEvents.PLACED_AT);
    }

    @Test
    void a_placed_order_has_no_courier_and_no_estimated_ready_time() {
        OrderDocument document = OrderDocument.of(OrderEvents.placed(ORDER));

        assertThat(document.courierId()).isNull();
        assertThat(document.deliveryId()).isNull();
        assertThat(document.estimatedReadyAt()).isNull();
    }

    @Test
    void a_status_change_is_projected_like_a_placement_from_its_complete_state() {
        OrderDocument document = OrderDocument.of(OrderEvents.preparing(ORDER));

        assertThat(document.orderId()).isEqualTo(ORDER.toString());
        assertThat(document.sequence()).isEqualTo(2);
        assertThat(document.status()).isEqualTo("PREPARING");
        assertThat(document.reason()).isNull();
        assertThat(document.restaurantName()).isEqualTo("Saravana Bhavan");
        assertThat(document.total().amountMinor()).isEqualTo(24000);
        assertThat(document.placedAt()).isEqualTo(OrderEvents.PLACED_AT);
        assertThat(document.updatedAt()).isEqualTo(OrderEvents.PLACED_AT.plusSeconds(60));
        assertThat(document.estimatedReadyAt()).isEqualTo(OrderEvents.READY_AT);
        assertThat(document.courierId()).isNull();
        assertThat(document.timeline())
                .extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.AWAITING_RESTAURANT, OrderStatus.PREPARING);
    }

    @Test
    void a_courier_assignment_shows_the_courier_and_delivery_and_keeps_the_status() {
        OrderDocument document = OrderDocument.of(OrderEvents.courierAssigned(ORDER));

        assertThat(document.sequence()).isEqualTo(3);
        assertThat(document.status()).isEqualTo("PREPARING");
        assertThat(document.courierId())
                .isEqualTo(OrderEvents.COURIER.courierId().toString());
        assertThat(document.deliveryId())
                .isEqualTo(OrderEvents.COURIER.deliveryId().toString());
        assertThat(document.estimatedReadyAt()).isEqualTo(OrderEvents.READY_AT);
        assertThat(document.updatedAt())
                .as("the time of the latest status change")
                .isEqualTo(OrderEvents.PLACED_AT.plusSeconds(60));
    }

    @Test
    void the_reason_and_update_time_come_from_the_latest_timeline_entry() {
        Instant rejectedAt = OrderEvents.PLACED_AT.plusSeconds(30);
        OrderPlaced placed = OrderEvents.placed(ORDER);
        OrderPlaced rejected = new OrderPlaced(
                ORDER,
                1,
                OrderStatus.REJECTED,
                placed.details(),
                List.of(
                        placed.timeline().getFirst(),
                        new StatusChange(OrderStatus.REJECTED, OrderStatusReason.PAYMENT_DECLINED, rejectedAt)),
                null,
                null);

        OrderDocument document = OrderDocument.of(rejected);

        assertThat(document.status()).isEqualTo("REJECTED");
        assertThat(document.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(document.updatedAt()).isEqualTo(rejectedAt);
        assertThat(document.timeline()).hasSize(2);
    }
}
