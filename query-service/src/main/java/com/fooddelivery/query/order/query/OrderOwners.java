package com.fooddelivery.query.order.query;

import com.fooddelivery.security.Caller;
import java.util.List;

/**
 * Who may see an order. A customer sees their orders, restaurant staff their restaurant's, a courier the orders they
 * deliver, ADMIN every order; nobody else, an anonymous caller included. Each id counts only with its role (a token's
 * ids are read that way), so a courier whose account id happens to be a customer id sees nothing of that customer.
 */
record OrderOwners(String customerId, String restaurantId, String courierId) {

    /** The fields of an order document this is read from (so a read can fetch just them). */
    static final List<String> FIELDS = List.of("customerId", "restaurantId", "courierId");

    boolean visibleTo(Caller caller) {
        return caller.isAdmin()
                || matches(caller.customerId(), customerId)
                || matches(caller.restaurantId(), restaurantId)
                || matches(caller.courierId(), courierId);
    }

    private static boolean matches(Object callerId, String ownerId) {
        return callerId != null && callerId.toString().equals(ownerId);
    }
}
