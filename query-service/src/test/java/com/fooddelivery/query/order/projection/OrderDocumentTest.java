package com.fooddelivery.query.order.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.common.Money;
import com.fooddelivery.contracts.order.OrderPayment;
import com.fooddelivery.contracts.order.OrderPlaced;
import com.fooddelivery.contracts.order.OrderStatus;
import com.fooddelivery.contracts.order.OrderStatusChanged;
import com.fooddelivery.contracts.order.OrderStatusReason;
import com.fooddelivery.contracts.order.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

public class OrderDocumentTest {

    /** For tests elsewhere: the document a projection makes of {@code event}. */
    public static OrderDocument document(com.fooddelivery.contracts.order.OrderEvent event) {
        return OrderDocument.of(event);
    }

    private static final UUID ORDER = UUID.fromString("9d2e6c1a-5f3b-4a7e-8c90-1b2d3e4f5a60");
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                null,
                placed.payment());

        OrderDocument document = OrderDocument.of(rejected);

        assertThat(document.status()).isEqualTo("REJECTED");
        assertThat(document.reason()).isEqualTo("PAYMENT_DECLINED");
        assertThat(document.updatedAt()).isEqualTo(rejectedAt);
        assertThat(document.timeline()).hasSize(2);
    }

    @Test
    void a_placed_order_shows_nothing_refunded_in_its_currency_and_nothing_to_look_at() {
        OrderDocument document = OrderDocument.of(OrderEvents.placed(ORDER));

        assertThat(document.payment()).isEqualTo(new OrderPayment(new Money(0, "INR"), null));
    }

    @Test
    void the_payment_shows_what_was_refunded_and_what_needs_a_person_keeping_status_and_update_time() {
        OrderDocument refunded = OrderDocument.of(OrderEvents.deliveredWithPayment(ORDER, 8, 12000, null));
        OrderDocument flagged =
                OrderDocument.of(OrderEvents.deliveredWithPayment(ORDER, 7, 0, "CAPTURE_NOT_CONFIRMED"));

        assertThat(refunded.payment()).isEqualTo(new OrderPayment(new Money(12000, "INR"), null));
        assertThat(refunded.status()).isEqualTo("DELIVERED");
        assertThat(refunded.updatedAt())
                .as("the time of the delivery, the latest status change")
                .isEqualTo(OrderEvents.PLACED_AT.plusSeconds(1900));
        assertThat(flagged.payment().attention()).isEqualTo("CAPTURE_NOT_CONFIRMED");
    }

    @Test
    void an_event_or_a_document_from_before_payment_existed_reads_as_nothing_refunded() {
        OrderStatusChanged preparing = OrderEvents.preparing(ORDER);
        OrderStatusChanged old = new OrderStatusChanged(
                ORDER,
                preparing.sequence(),
                preparing.status(),
                preparing.details(),
                preparing.timeline(),
                null,
                preparing.estimatedReadyAt(),
                null);

        OrderDocument document = OrderDocument.of(old);
        String stored = JSON.writeValueAsString(document)
                .replace(",\"payment\":{\"refunded\":{\"amountMinor\":0,\"currency\":\"INR\"},\"attention\":null}", "");

        assertThat(document.payment()).isEqualTo(new OrderPayment(new Money(0, "INR"), null));
        assertThat(stored).doesNotContain("\"payment\"");
        assertThat(JSON.readValue(stored, OrderDocument.class).payment())
                .isEqualTo(new OrderPayment(new Money(0, "INR"), null));
    }
}
