package com.fooddelivery.order.order.messaging;

import com.fooddelivery.contracts.payment.RefundPayment;
import com.fooddelivery.messaging.outbox.Outbox;
import com.fooddelivery.order.order.domain.OrderEvents.RefundRequested;
import com.fooddelivery.order.shared.axon.AxonMessageContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Asks payment-service to pay each refund the order accepted ({@code RefundPayment} on {@code payments.commands}).
 * Runs in the unit of work that applied {@code RefundRequested} (a subscribing processor), so the outbox row commits
 * with the refund, or neither does. Not the saga's job: the saga ended with the capture, and a refund is one message
 * whose answer the aggregate matches by {@code refundId} (ServiceReplies); payment-service performs a refund id once,
 * so the relay's at-least-once delivery pays it once.
 */
@Component
@ProcessingGroup("order-refund-requests")
class RefundRequests {

    private final Outbox outbox;

    RefundRequests(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventHandler
    void on(RefundRequested event, EventMessage<?> message) {
        outbox.send(
                event.orderId().toString(),
                new RefundPayment(event.orderId(), event.refundId(), ContractMapping.money(event.amount())),
                message.getTimestamp(),
                AxonMessageContext.of(message));
    }
}
