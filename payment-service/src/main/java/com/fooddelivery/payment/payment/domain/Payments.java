package com.fooddelivery.payment.payment.domain;

import java.util.Optional;
import java.util.UUID;

/** Stored payments. Both methods run inside a transaction. */
public interface Payments {

    /** The order's payment, locked until the transaction ends so changes of one order never interleave. */
    Optional<Payment> lock(UUID orderId);

    /** Stores the payment's state and appends the provider operations it performed since it was loaded. */
    void save(Payment payment);
}
