package com.fooddelivery.query.order.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.query.delivery.projection.DeliveryDocumentTest;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderDocumentTest;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.query.shared.web.Caller;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderViewTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID COURIER = OrderEvents.COURIER.courierId();
    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");

    private final OrderView assigned = new OrderView(
            OrderDocumentTest.document(OrderEvents.courierAssigned(ORDER)),
            DeliveryDocumentTest.document(
                    DeliveryEvents.updated(UUID.randomUUID(), ORDER, 4, DeliveryStatus.ASSIGNED, COURIER)));

    @Test
    void the_etag_changes_with_the_order_and_with_its_delivery() {
        OrderView placed = new OrderView(OrderDocumentTest.document(OrderEvents.placed(ORDER)), null);

        assertThat(placed.etag()).isEqualTo("\"0.0\"");
        assertThat(assigned.etag()).isEqualTo("\"3.4\"");
    }

    @Test
    void its_customer_restaurant_and_courier_see_the_order_nobody_else_does() {
        assertThat(assigned.visibleTo(new Caller(OrderEvents.CUSTOMER, null, null)))
                .isTrue();
        assertThat(assigned.visibleTo(new Caller(null, RESTAURANT, null))).isTrue();
        assertThat(assigned.visibleTo(new Caller(null, null, COURIER))).isTrue();

        assertThat(assigned.visibleTo(new Caller(UUID.randomUUID(), null, null)))
                .isFalse();
        assertThat(assigned.visibleTo(new Caller(null, UUID.randomUUID(), null)))
                .isFalse();
        assertThat(assigned.visibleTo(new Caller(null, null, UUID.randomUUID())))
                .isFalse();
    }

    @Test
    void an_anonymous_caller_still_sees_any_order_until_authentication_exists() {
        assertThat(assigned.visibleTo(new Caller(null, null, null))).isTrue();
    }
}
