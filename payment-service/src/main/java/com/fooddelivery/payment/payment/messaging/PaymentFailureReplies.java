package com.fooddelivery.payment.payment.messaging;

import com.fooddelivery.contracts.payment.AuthorizePayment;
import com.fooddelivery.contracts.payment.PaymentDeclined;
import com.fooddelivery.messaging.consumer.FailureReplies;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The order's saga waits for an answer to an authorization (and rejects the order at its payment deadline without
 * one): an authorization that fails for good is declined with {@value #PAYMENT_FAILED}, so the saga rejects the order
 * at once and the partition moves on. A capture or a void that fails for good goes to {@code payments.commands.DLT}
 * for an operator: nothing was taken or released, and a replay after the fix carries it out.
 */
@Component
class PaymentFailureReplies implements FailureReplies {

    static final String PAYMENT_FAILED = "PAYMENT_FAILED";

    @Override
    public Optional<Object> replyTo(Object command, String reason) {
        return command instanceof AuthorizePayment authorize
                ? Optional.of(new PaymentDeclined(authorize.orderId(), PAYMENT_FAILED, reason))
                : Optional.empty();
    }
}
