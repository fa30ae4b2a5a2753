package com.fooddelivery.query.order.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fooddelivery.contracts.delivery.DeliveryStatus;
import com.fooddelivery.query.delivery.projection.DeliveryDocumentTest;
import com.fooddelivery.query.delivery.projection.DeliveryEvents;
import com.fooddelivery.query.order.projection.OrderDocumentTest;
import com.fooddelivery.query.order.projection.OrderEvents;
import com.fooddelivery.security.Caller;
import com.fooddelivery.security.Role;
import java.util.Set;
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

        assertThat(placed.etag()).isEqualTo("W/\"0.0\"");
        assertThat(assigned.etag()).isEqualTo("W/\"3.4\"");
    }

    @Test
    void its_customer_restaurant_and_courier_see_the_order_and_so_does_an_admin() {
        assertThat(assigned.visibleTo(customer(OrderEvents.CUSTOMER))).isTrue();
        assertThat(assigned.visibleTo(staffOf(RESTAURANT))).isTrue();
        assertThat(assigned.visibleTo(courier(COURIER))).isTrue();
        assertThat(assigned.visibleTo(new Caller("admin", Set.of(Role.ADMIN), null, null)))
                .isTrue();
    }

    @Test
    void nobody_else_sees_the_order() {
        assertThat(assigned.visibleTo(customer(UUID.randomUUID()))).isFalse();
        assertThat(assigned.visibleTo(staffOf(UUID.randomUUID()))).isFalse();
        assertThat(assigned.visibleTo(courier(UUID.randomUUID()))).isFalse();
        assertThat(assigned.visibleTo(Caller.ANONYMOUS)).isFalse();
    }

    @Test
    void a_subject_is_a_customer_id_only_for_a_customer() {
        assertThat(assigned.visibleTo(
                        new Caller(OrderEvents.CUSTOMER.toString(), Set.of(Role.COURIER), null, UUID.randomUUID())))
                .as("a courier whose account id is the customer's")
                .isFalse();
    }

    private static Caller customer(UUID customerId) {
        return new Caller(customerId.toString(), Set.of(Role.CUSTOMER), null, null);
    }

    private static Caller staffOf(UUID restaurantId) {
        return new Caller(UUID.randomUUID().toString(), Set.of(Role.RESTAURANT), restaurantId, null);
    }

    private static Caller courier(UUID courierId) {
        return new Caller(UUID.randomUUID().toString(), Set.of(Role.COURIER), null, courierId);
    }
}
